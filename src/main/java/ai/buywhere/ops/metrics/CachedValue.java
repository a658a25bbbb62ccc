package ai.buywhere.ops.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value recomputed at most once per {@code ttl}, so that a gauge backed by a database query
 * (catalog size) costs one query per interval however often Prometheus and the evaluator read it. A
 * failing computation yields NaN until the next attempt. Thread-safe.
 */
public final class CachedValue implements Supplier<Double> {
  private final Clock clock;
  private final Duration ttl;
  private final Supplier<? extends Number> compute;
  private double value = Double.NaN;
  private long computedAt = Long.MIN_VALUE;

  public CachedValue(Clock clock, Duration ttl, Supplier<? extends Number> compute) {
    this.clock = clock;
    this.ttl = ttl;
    this.compute = compute;
  }

  @Override
  public synchronized Double get() {
    long now = clock.millis();
    if (computedAt == Long.MIN_VALUE || now - computedAt >= ttl.toMillis()) {
      computedAt = now;
      try {
        value = compute.get().doubleValue();
      } catch (RuntimeException e) {
        value = Double.NaN;
      }
    }
    return value;
  }
}
