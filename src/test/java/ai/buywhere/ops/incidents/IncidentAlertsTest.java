package ai.buywhere.ops.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.ops.alerts.AlertEvaluator;
import ai.buywhere.ops.alerts.AlertRule;
import ai.buywhere.ops.alerts.AlertStateRepository;
import ai.buywhere.ops.incidents.TimelineEvent.Type;
import ai.buywhere.store.Dialect;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Incidents opened by the real alert evaluator through its listener interface. */
class IncidentAlertsTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void oneOpenIncidentPerFiringAlert(Dialect d) throws Exception {
    Instant start = Instant.parse("2026-04-23T04:00:00Z");
    try (IncidentFixture f = new IncidentFixture(d, dir, start, Map.of())) {
      SimpleMeterRegistry metrics = new SimpleMeterRegistry();
      AtomicReference<Double> errorRate = new AtomicReference<>(0.0);
      Gauge.builder("error_rate", errorRate, AtomicReference::get).register(metrics);
      AlertRule rule =
          new AlertRule(
              "ApiErrorRate",
              "5xx error rate",
              "error_rate",
              Map.of(),
              ">",
              0.005,
              0.01,
              Duration.ZERO,
              Map.of(AlertRule.Level.WARNING, "P3", AlertRule.Level.CRITICAL, "P1"),
              "ops",
              "#us-alerts",
              null,
              null,
              true);
      AlertEvaluator evaluator =
          new AlertEvaluator(List.of(rule), metrics, new AlertStateRepository(f.db), f.clock)
              .subscribe(f.incidents.alertListener());

      errorRate.set(0.02); // warning (P3) and critical (P1) fire
      evaluator.evaluate();
      f.clock.advance(Duration.ofSeconds(15));
      evaluator.evaluate(); // still firing: no new transition, no new incident
      List<Incident> open = f.service().list(true);
      assertThat(open)
          .extracting(Incident::severity)
          .containsExactlyInAnyOrder(Severity.P1, Severity.P3);
      assertThat(open).allSatisfy(i -> assertThat(i.alertKey()).startsWith("ApiErrorRate/"));
      Incident p1 =
          open.stream().filter(i -> i.severity() == Severity.P1).findFirst().orElseThrow();
      assertThat(p1.title()).isEqualTo("ApiErrorRate: 5xx error rate");
      assertThat(f.service().get(p1.id()).timeline())
          .extracting(TimelineEvent::type)
          .containsExactly(Type.ALERT_FIRED, Type.NOTIFIED);

      // an alert firing again while its incident is open adds to the same incident
      f.incidents.alertListener().onAlert(evaluatorEvent(evaluator, rule, f, "critical"));
      assertThat(f.service().list(true)).hasSize(2);

      errorRate.set(0.0);
      f.clock.advance(Duration.ofSeconds(15));
      evaluator.evaluate();
      assertThat(f.service().get(p1.id()).timeline())
          .extracting(TimelineEvent::type)
          .containsExactly(Type.ALERT_FIRED, Type.NOTIFIED, Type.ALERT_FIRED, Type.ALERT_RESOLVED);
      assertThat(f.service().get(p1.id()).status()).isEqualTo(Incident.Status.OPEN);

      // after the incident is resolved, the next firing opens a new one
      f.service().resolve(p1.id(), "alice", null);
      errorRate.set(0.02);
      f.clock.advance(Duration.ofSeconds(15));
      evaluator.evaluate();
      assertThat(f.service().list(true))
          .extracting(Incident::severity)
          .containsExactlyInAnyOrder(Severity.P1, Severity.P3);
      assertThat(f.service().list(false)).hasSize(3);
    }
  }

  /** The FIRING event of the current critical state, as the evaluator would announce it. */
  private static ai.buywhere.ops.alerts.AlertEvent evaluatorEvent(
      AlertEvaluator evaluator, AlertRule rule, IncidentFixture f, String level) {
    var state =
        new AlertStateRepository(f.db)
            .all().stream().filter(s -> s.level().wire().equals(level)).findFirst().orElseThrow();
    return new ai.buywhere.ops.alerts.AlertEvent(
        ai.buywhere.ops.alerts.AlertEvent.Status.FIRING, rule, state, "P1");
  }
}
