package ai.buywhere.ops.incidents;

import ai.buywhere.app.Settings;
import ai.buywhere.store.Database;
import ai.buywhere.store.Dialect;
import ai.buywhere.store.TestDatabases;
import ai.buywhere.testsupport.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A real database of the given dialect, a clock the test moves, a local receiver for Slack and
 * PagerDuty, and {@link Incidents} wired to them ({@link #restart()} builds a fresh one over the
 * same database, as a restarted server would).
 */
final class IncidentFixture implements AutoCloseable {
  final TestDatabases.Created created;
  final Database db;
  final MutableClock clock;
  final Receiver receiver;
  final Settings settings;
  SimpleMeterRegistry registry;
  Incidents incidents;

  IncidentFixture(Dialect dialect, Path dir, Instant start, Map<String, String> extra)
      throws Exception {
    this.created = TestDatabases.create(dialect, dir);
    this.db = Database.open(created.config(), "incidents-test").migrate();
    this.clock = new MutableClock(start);
    this.receiver = new Receiver();
    Map<String, String> env = new HashMap<>();
    env.put("SLACK_INCIDENTS_CRITICAL_WEBHOOK_URL", receiver.url("/slack/incidents-critical"));
    env.put("SLACK_INCIDENTS_WEBHOOK_URL", receiver.url("/slack/incidents"));
    env.put("PAGERDUTY_ROUTING_KEY", "test-routing-key");
    env.put("PAGERDUTY_EVENTS_URL", receiver.url("/pagerduty/v2/enqueue"));
    env.putAll(extra);
    this.settings = Settings.of(env, Map.of());
    restart();
  }

  IncidentService service() {
    return incidents.service();
  }

  void restart() {
    if (incidents != null) {
      incidents.close();
    }
    registry = new SimpleMeterRegistry();
    incidents = new Incidents(settings, db, clock, registry);
  }

  double counter(String name, String... tags) {
    var c = registry.find(name).tags(tags).counter();
    return c == null ? -1 : c.count();
  }

  double gauge(String name, String... tags) {
    var g = registry.find(name).tags(tags).gauge();
    return g == null ? -1 : g.value();
  }

  @Override
  public void close() {
    if (incidents != null) {
      incidents.close();
    }
    receiver.close();
    db.close();
    created.close();
  }
}
