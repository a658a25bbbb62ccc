package ai.buywhere.ops;

import ai.buywhere.api.RouteModule;
import ai.buywhere.app.Settings;
import ai.buywhere.catalog.CatalogRepository;
import ai.buywhere.ops.alerts.AlertEvaluator;
import ai.buywhere.ops.alerts.AlertRules;
import ai.buywhere.ops.alerts.AlertStateRepository;
import ai.buywhere.ops.health.HealthRegistry;
import ai.buywhere.ops.health.HealthRoutes;
import ai.buywhere.ops.health.Readiness;
import ai.buywhere.ops.health.StandardChecks;
import ai.buywhere.ops.metrics.CoreMetrics;
import ai.buywhere.ops.metrics.HttpMetricsRoutes;
import ai.buywhere.ops.metrics.Metrics;
import ai.buywhere.ops.metrics.StatusPageRoutes;
import ai.buywhere.ops.notify.NotificationDispatcher;
import ai.buywhere.ops.notify.NotifyConfig;
import ai.buywhere.store.Database;
import io.micrometer.core.instrument.FunctionCounter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Metrics, health, readiness, alert evaluation and notifications for one process, built from
 * settings. Settings: {@code ALERT_EVALUATION_INTERVAL_S} (15; 0 switches the evaluator off, e.g.
 * when only a worker node should evaluate), {@code HEALTH_CHECK_TIMEOUT_MS} (2000), {@code
 * INDEX_MAX_LAG} (1000 changes: beyond it {@code /ready} is 503 and the index check degraded),
 * {@code STATUS_PAGE_REQUIRE_ADMIN} (false: {@code /status} and {@code /status.json} are open;
 * true: {@link #adminOnlyPaths()} lists them for the composition root to put behind the admin
 * check), {@code ALERT_RULES_FILE} and the notifier settings of {@link NotifyConfig}.
 *
 * <p>{@link #routeModules()} go first in the server's module list so the metrics before-handler
 * times every request. Features register their health checks ({@link #health()}), readiness
 * conditions ({@link #readiness()}), gauges ({@link #metrics()}) and alert listeners ({@link
 * #alerts()}) after construction. {@link #close()} stops the evaluator and the notifier lanes.
 */
public final class Observability implements AutoCloseable {
  private final Metrics metrics;
  private final HealthRegistry health;
  private final Readiness readiness = new Readiness();
  private final AlertEvaluator alerts;
  private final NotificationDispatcher notifications;
  private final Duration drainDelay;
  private final boolean statusPageRequiresAdmin;
  private volatile Supplier<? extends List<?>> statusIncidents;

  /**
   * @param indexAppliedSeq {@code ProductSearch.appliedSeq()} of this node's index
   * @param migrated whether the database migrations have run (the composition root migrates on
   *     open)
   */
  public Observability(
      Settings settings,
      Clock clock,
      Database db,
      CatalogRepository catalog,
      LongSupplier indexAppliedSeq,
      Path dataDir,
      String version,
      boolean migrated) {
    int intervalS = settings.getInt("ALERT_EVALUATION_INTERVAL_S", 15, 0, 3600);
    int timeoutMs = settings.getInt("HEALTH_CHECK_TIMEOUT_MS", 2000, 100, 60_000);
    int maxLag = settings.getInt("INDEX_MAX_LAG", 1000, 0, Integer.MAX_VALUE);
    this.statusPageRequiresAdmin = settings.getBoolean("STATUS_PAGE_REQUIRE_ADMIN", false);
    this.metrics = new Metrics(clock);
    CoreMetrics.bindDatabase(metrics, db);
    CoreMetrics.bindCatalog(metrics, clock, catalog, indexAppliedSeq);
    CoreMetrics.bindDisk(metrics, dataDir);
    this.health = new HealthRegistry(clock, Duration.ofMillis(timeoutMs), version);
    health.register(StandardChecks.database(db));
    health.register(StandardChecks.disk(dataDir, 0.70, 0.85));
    health.register(StandardChecks.searchIndex(indexAppliedSeq, catalog::currentSeq, maxLag));
    readiness.require("database does not answer", db::ping);
    readiness.require(
        "search index catching up with the catalog",
        () -> catalog.currentSeq() - indexAppliedSeq.getAsLong() <= maxLag);
    if (migrated) {
      readiness.migrationsDone();
    }
    this.notifications =
        new NotificationDispatcher(
            NotifyConfig.notifiers(settings), NotificationDispatcher.Options.DEFAULT);
    this.alerts =
        new AlertEvaluator(
                AlertRules.load(settings), metrics.registry(), new AlertStateRepository(db), clock)
            .subscribe(notifications);
    if (intervalS > 0) {
      alerts.start(Duration.ofSeconds(intervalS));
    }
    this.drainDelay = Duration.ofSeconds(settings.getInt("SHUTDOWN_DRAIN_S", 5, 0, 300));
    FunctionCounter.builder("alert_notifications_delivered", notifications, n -> n.delivered())
        .description("Alert notifications delivered")
        .register(metrics.registry());
    FunctionCounter.builder("alert_notifications_failed", notifications, n -> n.failed())
        .description("Alert notifications that failed after all retries")
        .register(metrics.registry());
    FunctionCounter.builder("alert_notifications_dropped", notifications, n -> n.dropped())
        .description("Alert notifications dropped because the queue was full")
        .register(metrics.registry());
  }

  /**
   * The first half of a graceful shutdown (SIGTERM): {@code /ready} turns 503 so load balancers and
   * Kubernetes stop routing here, then waits {@code SHUTDOWN_DRAIN_S} (5 s) for them to notice. The
   * caller then stops the server (which finishes in-flight requests) and closes this.
   */
  public void drain() throws InterruptedException {
    readiness.startDraining();
    Thread.sleep(drainDelay.toMillis());
  }

  public Metrics metrics() {
    return metrics;
  }

  public HealthRegistry health() {
    return health;
  }

  public Readiness readiness() {
    return readiness;
  }

  public AlertEvaluator alerts() {
    return alerts;
  }

  public NotificationDispatcher notifications() {
    return notifications;
  }

  /**
   * Adds the incidents panel to {@code /status} and {@code /status.json} (e.g. {@code
   * Incidents::statusView}); call before {@link #routeModules()}.
   */
  public void showIncidents(Supplier<? extends List<?>> incidents) {
    this.statusIncidents = incidents;
  }

  /**
   * The paths of {@link #routeModules()} that must only be served to admin credentials: the status
   * page and its JSON when {@code STATUS_PAGE_REQUIRE_ADMIN=true}, else none. This package has no
   * auth of its own; the composition root guards these with the auth module.
   */
  public List<String> adminOnlyPaths() {
    return statusPageRequiresAdmin ? StatusPageRoutes.PATHS : List.of();
  }

  /** {@code /metrics} + request metrics, {@code /health}, {@code /ready}, {@code /status}. */
  public List<RouteModule> routeModules() {
    return List.of(
        new HttpMetricsRoutes(metrics),
        new HealthRoutes(health, readiness),
        new StatusPageRoutes(metrics, statusIncidents));
  }

  @Override
  public void close() {
    alerts.close();
    notifications.close();
    health.close();
  }
}
