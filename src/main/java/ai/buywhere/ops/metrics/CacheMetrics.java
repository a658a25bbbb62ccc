package ai.buywhere.ops.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counters for one cache: {@code cache_requests_total{cache}} and {@code cache_hits_total{cache}};
 * the hit ratio is their quotient. Thread-safe; obtain through {@link Metrics#cache(String)}.
 */
public final class CacheMetrics {
  static final String REQUESTS = "cache_requests";
  static final String REQUESTS_HELP = "Cache look-ups, by cache";
  static final String HITS = "cache_hits";
  static final String HITS_HELP = "Cache look-ups that found a value, by cache";

  private final Counter requests;
  private final Counter hits;

  CacheMetrics(MeterRegistry registry, String cacheName) {
    this.requests =
        Counter.builder(REQUESTS)
            .description(REQUESTS_HELP)
            .tag("cache", cacheName)
            .register(registry);
    this.hits =
        Counter.builder(HITS).description(HITS_HELP).tag("cache", cacheName).register(registry);
  }

  public void hit() {
    requests.increment();
    hits.increment();
  }

  public void miss() {
    requests.increment();
  }
}
