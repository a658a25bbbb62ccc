package ai.buywhere.ops.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counters for one cache: {@code cache_requests_total{cache}} and {@code cache_hits_total{cache}};
 * the hit ratio is their quotient. Thread-safe; obtain through {@link Metrics#cache(String)}.
 */
public final class CacheMetrics {
  private final Counter requests;
  private final Counter hits;

  CacheMetrics(MeterRegistry registry, String cacheName) {
    this.requests =
        Counter.builder("cache_requests")
            .description("Cache look-ups, by cache")
            .tag("cache", cacheName)
            .register(registry);
    this.hits =
        Counter.builder("cache_hits")
            .description("Cache look-ups that found a value, by cache")
            .tag("cache", cacheName)
            .register(registry);
  }

  public void hit() {
    requests.increment();
    hits.increment();
  }

  public void miss() {
    requests.increment();
  }
}
