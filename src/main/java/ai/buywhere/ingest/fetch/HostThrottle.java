package ai.buywhere.ingest.fetch;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Per-host politeness: at most {@code concurrency} requests in flight per host and request starts
 * spaced at least {@code delay} apart (raised by a robots.txt {@code Crawl-delay}). Thread-safe;
 * shared by every fetch in the process so concurrent runs against one host stay polite together.
 */
final class HostThrottle {
  private final int concurrency;
  private final Duration delay;
  private final Clock clock;
  private final Sleeper sleeper;
  private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();

  private static final class Slot {
    final Semaphore permits;
    long nextStart;
    long delayMillis;

    Slot(int n, long delayMillis) {
      this.permits = new Semaphore(n, true);
      this.delayMillis = delayMillis;
    }
  }

  HostThrottle(int concurrency, Duration delay, Clock clock, Sleeper sleeper) {
    this.concurrency = concurrency;
    this.delay = delay;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  void raiseDelay(String host, Duration d) {
    Slot s = slot(host);
    synchronized (s) {
      s.delayMillis = Math.max(s.delayMillis, d.toMillis());
    }
  }

  /** Blocks until this host may take another request; pair with {@link #release}. */
  void acquire(String host) throws InterruptedException {
    Slot s = slot(host);
    s.permits.acquire();
    long wait;
    synchronized (s) {
      long now = clock.millis();
      long start = Math.max(now, s.nextStart);
      s.nextStart = start + s.delayMillis;
      wait = start - now;
    }
    if (wait > 0) {
      try {
        sleeper.sleep(Duration.ofMillis(wait));
      } catch (InterruptedException e) {
        s.permits.release();
        throw e;
      }
    }
  }

  void release(String host) {
    slot(host).permits.release();
  }

  private Slot slot(String host) {
    return slots.computeIfAbsent(host, h -> new Slot(concurrency, delay.toMillis()));
  }
}
