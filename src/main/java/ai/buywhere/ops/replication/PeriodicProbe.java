package ai.buywhere.ops.replication;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a probe (replication status, PgBouncer pools) on one daemon thread at a fixed delay so the
 * gauges that report its last result stay fresh. A failing run is logged and the next one still
 * happens. Close it at shutdown.
 */
public final class PeriodicProbe implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PeriodicProbe.class);
  private final ScheduledExecutorService executor;

  private PeriodicProbe(ScheduledExecutorService executor) {
    this.executor = executor;
  }

  public static PeriodicProbe start(String name, Duration every, Runnable probe) {
    ScheduledExecutorService ex =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
    ex.scheduleWithFixedDelay(
        () -> {
          try {
            probe.run();
          } catch (RuntimeException e) {
            log.warn("{} failed: {}", name, e.getMessage());
          }
        },
        0,
        every.toMillis(),
        TimeUnit.MILLISECONDS);
    return new PeriodicProbe(ex);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
