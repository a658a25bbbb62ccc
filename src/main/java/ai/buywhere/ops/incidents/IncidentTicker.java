package ai.buywhere.ops.incidents;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls {@link IncidentService#tick()} every {@code interval} on one daemon thread (serially; a
 * failing pass is logged and the next one runs). Time inside a pass comes from the service's
 * injected clock, so the interval only bounds how late a deadline is noticed.
 */
final class IncidentTicker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(IncidentTicker.class);
  private final IncidentService service;
  private ScheduledExecutorService scheduler;

  IncidentTicker(IncidentService service) {
    this.service = service;
  }

  synchronized void start(Duration interval) {
    if (scheduler != null) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "incident-ticker");
              t.setDaemon(true);
              return t;
            });
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            service.tick();
          } catch (RuntimeException e) {
            log.warn("incident tick failed: {}", e.toString());
          }
        },
        0,
        interval.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  synchronized boolean running() {
    return scheduler != null;
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }
}
