package ai.buywhere.ops.metrics;

import java.time.Clock;
import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * Requests of the last {@code span} (five minutes in production), kept as a ring of 10-second
 * slots, each with its request count, 5xx count and an HdrHistogram of latencies in microseconds.
 * Backs the {@code error_rate} gauge, the request rate and the recent latency quantiles the alert
 * evaluator compares with the runbook thresholds; time comes from the injected clock so tests can
 * move it.
 *
 * <p>Thread-safe: every method locks the ring; recording is a few array writes.
 */
final class RequestWindow {
  private static final long SLOT_MS = 10_000;

  private final Clock clock;
  private final int slots;
  private final long[] slotIndex;
  private final long[] total;
  private final long[] errors;
  private final Histogram[] latency;

  RequestWindow(Clock clock, Duration span) {
    this.clock = clock;
    this.slots = (int) Math.max(1, span.toMillis() / SLOT_MS);
    this.slotIndex = new long[slots];
    this.total = new long[slots];
    this.errors = new long[slots];
    this.latency = new Histogram[slots];
    for (int i = 0; i < slots; i++) {
      slotIndex[i] = -1;
      latency[i] = new Histogram(3);
    }
  }

  synchronized void record(int status, long nanos) {
    int i = current();
    total[i]++;
    if (status >= 500) {
      errors[i]++;
    }
    latency[i].recordValue(Math.max(0, nanos / 1_000));
  }

  /** 5xx responses divided by all responses in the window; 0 when there were none. */
  synchronized double errorRate() {
    long t = 0;
    long e = 0;
    long oldest = oldestLiveSlot();
    for (int i = 0; i < slots; i++) {
      if (slotIndex[i] >= oldest) {
        t += total[i];
        e += errors[i];
      }
    }
    return t == 0 ? 0.0 : (double) e / t;
  }

  synchronized double requestsPerMinute() {
    long t = 0;
    long oldest = oldestLiveSlot();
    for (int i = 0; i < slots; i++) {
      if (slotIndex[i] >= oldest) {
        t += total[i];
      }
    }
    return t / (slots * SLOT_MS / 60_000.0);
  }

  /** The {@code q} quantile of latencies in the window in seconds; 0 when there were none. */
  synchronized double quantileSeconds(double q) {
    Histogram merged = new Histogram(3);
    long oldest = oldestLiveSlot();
    for (int i = 0; i < slots; i++) {
      if (slotIndex[i] >= oldest) {
        merged.add(latency[i]);
      }
    }
    return merged.getTotalCount() == 0 ? 0.0 : merged.getValueAtPercentile(q * 100) / 1e6;
  }

  private long oldestLiveSlot() {
    return clock.millis() / SLOT_MS - slots + 1;
  }

  private int current() {
    long idx = clock.millis() / SLOT_MS;
    int i = (int) Math.floorMod(idx, (long) slots);
    if (slotIndex[i] != idx) {
      slotIndex[i] = idx;
      total[i] = 0;
      errors[i] = 0;
      latency[i].reset();
    }
    return i;
  }
}
