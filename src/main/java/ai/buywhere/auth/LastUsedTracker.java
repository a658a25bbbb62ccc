package ai.buywhere.auth;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks {@code last_used_at} without a database write per request: each authenticated request only
 * records the time in a map (one {@code merge}, lock-free per key); a single daemon thread writes
 * the map in one batched statement every {@code interval}, and {@link #close()} writes what is
 * left. A crash loses at most one interval of last-used times, which is acceptable for a field that
 * is informational.
 */
final class LastUsedTracker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LastUsedTracker.class);

  private final ApiKeyRepository repository;
  private final ConcurrentHashMap<String, Long> pending = new ConcurrentHashMap<>();
  private final ScheduledExecutorService scheduler;

  LastUsedTracker(ApiKeyRepository repository, Duration interval) {
    this.repository = repository;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "api-key-last-used");
              t.setDaemon(true);
              return t;
            });
    long ms = interval.toMillis();
    scheduler.scheduleWithFixedDelay(this::flushQuietly, ms, ms, TimeUnit.MILLISECONDS);
  }

  void record(String keyId, long epochMillis) {
    pending.merge(keyId, epochMillis, Math::max);
  }

  /** Writes everything recorded so far; safe to call from any thread. */
  synchronized void flush() {
    if (pending.isEmpty()) {
      return;
    }
    Map<String, Long> batch = new java.util.HashMap<>();
    for (String id : pending.keySet()) {
      Long at = pending.remove(id);
      if (at != null) {
        batch.put(id, at);
      }
    }
    try {
      repository.touchLastUsed(batch);
    } catch (RuntimeException e) {
      batch.forEach((id, at) -> pending.merge(id, at, Math::max));
      throw e;
    }
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) {
      log.warn("could not write api key last_used_at, will retry: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    flushQuietly();
  }
}
