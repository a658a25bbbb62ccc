package ai.buywhere.ops.incidents;

import ai.buywhere.api.RouteModule;
import ai.buywhere.app.Settings;
import ai.buywhere.ops.alerts.AlertListener;
import ai.buywhere.store.Database;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The incidents feature for the composition root: policy (validated at construction), service,
 * notifier, metrics, admin routes and the ticker. Settings: {@code INCIDENT_POLICY_FILE}, {@code
 * INCIDENT_TICK_S} (15, 1..300), the Slack/PagerDuty settings of {@link IncidentNotifier}.
 *
 * <p>Lifecycle: construct (no threads), {@link #start()} in {@code serve} only (starts the ticker),
 * {@link #close()} stops the ticker and drains queued notifications. CLI commands construct and
 * close without starting. Subscribe {@link #alertListener()} to the alert evaluator.
 */
public final class Incidents implements AutoCloseable {
  private final IncidentNotifier notifier;
  private final IncidentService service;
  private final IncidentTicker ticker;
  private final Duration tick;

  public Incidents(Settings settings, Database db, Clock clock, MeterRegistry registry) {
    IncidentPolicy policy = IncidentPolicyLoader.load(settings);
    this.tick = Duration.ofSeconds(settings.getInt("INCIDENT_TICK_S", 15, 1, 300));
    this.notifier = new IncidentNotifier(settings, policy);
    this.service =
        new IncidentService(
            new IncidentRepository(db), policy, notifier, new IncidentMetrics(registry), clock);
    this.ticker = new IncidentTicker(service);
  }

  public IncidentService service() {
    return service;
  }

  /** Subscribe to {@code AlertEvaluator}: opens incidents from firing alerts with a severity. */
  public AlertListener alertListener() {
    return service;
  }

  /** {@code /admin/incidents…}; goes after the auth modules, which guard {@code /admin/*}. */
  public RouteModule routes() {
    return new IncidentRoutes(service);
  }

  /** The status page's incidents panel: unresolved ones and those resolved in the last 24 h. */
  public List<Map<String, Object>> statusView() {
    return service.recent().stream().map(IncidentViews::status).toList();
  }

  /** Starts the SLA/escalation ticker ({@code INCIDENT_TICK_S}); idempotent. */
  public void start() {
    ticker.start(tick);
  }

  @Override
  public void close() {
    ticker.close();
    notifier.close();
  }
}
