package ai.buywhere.ops.notify;

import ai.buywhere.ops.alerts.AlertEvent;
import ai.buywhere.ops.alerts.AlertListener;
import ai.buywhere.shared.Json;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alert events to the notifiers that accept them. {@link #onAlert} only enqueues (the
 * evaluator is never blocked): at most {@code capacity} deliveries wait at once, beyond that new
 * ones are dropped and counted. A delivery that fails (network error or non-2xx) is retried up to
 * {@code maxAttempts} times with exponential backoff from {@code backoff}. The same (notifier,
 * alert, transition) is delivered once even if announced twice.
 *
 * <p>Each notifier has its own lane (one daemon thread) so that its deliveries arrive in order (a
 * PagerDuty resolve never overtakes the trigger it resolves, even while the trigger is being
 * retried) and a hanging receiver delays only its own lane. Thread-safe.
 */
public final class NotificationDispatcher implements AlertListener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

  /** Queue bound, retry policy and HTTP timeout. */
  public record Options(int capacity, int maxAttempts, Duration backoff, Duration timeout) {
    public static final Options DEFAULT =
        new Options(1000, 5, Duration.ofSeconds(2), Duration.ofSeconds(10));
  }

  private final List<Notifier> notifiers;
  private final Options options;
  private final HttpClient http;
  private final Map<Notifier, ExecutorService> lanes = new java.util.IdentityHashMap<>();
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final Map<String, Boolean> seen =
      new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > 10_000;
        }
      };

  public NotificationDispatcher(List<Notifier> notifiers, Options options) {
    this.notifiers = List.copyOf(notifiers);
    this.options = options;
    this.http = HttpClient.newBuilder().connectTimeout(options.timeout()).build();
    for (Notifier n : this.notifiers) {
      lanes.put(
          n,
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "alert-notify-" + n.name());
                t.setDaemon(true);
                return t;
              }));
    }
  }

  public List<Notifier> notifiers() {
    return notifiers;
  }

  @Override
  public void onAlert(AlertEvent event) {
    for (Notifier n : notifiers) {
      if (!n.accepts(event)) {
        continue;
      }
      String dedup =
          n.name()
              + "|"
              + event.state().key()
              + "|"
              + event.status()
              + "|"
              + event.state().firedAt();
      synchronized (seen) {
        if (seen.put(dedup, Boolean.TRUE) != null) {
          continue;
        }
      }
      if (pending.incrementAndGet() > options.capacity()) {
        pending.decrementAndGet();
        dropped.incrementAndGet();
        log.warn("notification queue full; dropped {} for {}", event.rule().name(), n.name());
        continue;
      }
      byte[] body;
      try {
        body = Json.mapper().writeValueAsBytes(n.payload(event));
      } catch (Exception e) {
        pending.decrementAndGet();
        failed.incrementAndGet();
        continue;
      }
      schedule(n, event, body);
    }
  }

  private void schedule(Notifier n, AlertEvent e, byte[] body) {
    try {
      lanes.get(n).execute(() -> deliver(n, e, body));
    } catch (RejectedExecutionException closed) {
      pending.decrementAndGet();
    }
  }

  /** Runs on the notifier's own lane: attempts in order, backing off between failures. */
  private void deliver(Notifier n, AlertEvent e, byte[] body) {
    try {
      for (int attempt = 1; ; attempt++) {
        String problem = post(n, body);
        if (problem == null) {
          delivered.incrementAndGet();
          return;
        }
        if (attempt >= options.maxAttempts()) {
          failed.incrementAndGet();
          log.warn(
              "{} delivery of {} failed after {} attempts ({})",
              n.name(),
              e.rule().name(),
              attempt,
              problem);
          return;
        }
        long delay = options.backoff().toMillis() << (attempt - 1);
        log.info(
            "{} delivery of {} failed ({}); retry in {} ms",
            n.name(),
            e.rule().name(),
            problem,
            delay);
        Thread.sleep(delay);
      }
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
    } finally {
      pending.decrementAndGet();
    }
  }

  /** Null on success, else what went wrong (never the URL: webhook URLs are secrets). */
  private String post(Notifier n, byte[] body) throws InterruptedException {
    try {
      HttpRequest req =
          HttpRequest.newBuilder(n.url())
              .timeout(options.timeout())
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      int status = http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status / 100 == 2 ? null : "HTTP " + status;
    } catch (java.io.IOException | IllegalArgumentException ex) {
      return ex.getClass().getSimpleName();
    }
  }

  public long delivered() {
    return delivered.get();
  }

  public long failed() {
    return failed.get();
  }

  public long dropped() {
    return dropped.get();
  }

  /** Deliveries queued or being retried. */
  public int pending() {
    return pending.get();
  }

  @Override
  public void close() {
    lanes.values().forEach(ExecutorService::shutdownNow);
  }
}
