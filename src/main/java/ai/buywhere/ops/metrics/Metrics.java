package ai.buywhere.ops.metrics;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The process's metric registry. Meter names are given in their Prometheus form ({@code
 * error_rate}, {@code hours_since_last_run}) so that the alert evaluator finds a gauge under the
 * same name an operator greps for in {@code /metrics}. Every meter carries a description: {@code
 * promtool check metrics} rejects series without help text.
 *
 * <p>Thread-safe. One instance per process; features register their gauges at start-up through
 * {@link #gauge} (a single value) or {@link #multiGauge} (one series per label set, e.g. per
 * source).
 */
public final class Metrics {
  /** Histogram buckets (seconds): fine enough for P50/P95/P99 between 1 ms and 5 s. */
  static final double[] LATENCY_BUCKETS = {
    0.001, 0.0025, 0.005, 0.0075, 0.01, 0.015, 0.025, 0.035, 0.05, 0.075, 0.1, 0.15, 0.2, 0.25, 0.3,
    0.4, 0.5, 0.75, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0
  };

  private final PrometheusMeterRegistry registry;
  private final RequestWindow window;
  private final Map<RequestKey, RequestMeters> requestMeters = new ConcurrentHashMap<>();

  public Metrics(Clock clock) {
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    this.window = new RequestWindow(clock, Duration.ofMinutes(5));
    // process_cpu_time_ns_total: promtool rejects the abbreviated unit; process_cpu_usage remains
    registry.config().meterFilter(MeterFilter.denyNameStartsWith("process.cpu.time"));
    // system_cpu_count: promtool reserves _count for histograms and summaries
    registry
        .config()
        .meterFilter(
            new MeterFilter() {
              @Override
              public Meter.Id map(Meter.Id id) {
                return id.getName().equals("system.cpu.count")
                    ? id.withName("system.cpu.cores")
                    : id;
              }
            });
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    gauge(
        "error_rate",
        "Share of responses with a 5xx status over the last 5 minutes",
        window::errorRate);
    gauge(
        "http_request_rate_per_minute",
        "Requests per minute averaged over the last 5 minutes",
        window::requestsPerMinute);
    for (int p : new int[] {50, 95, 99}) {
      gauge(
          "http_request_duration_p" + p + "_seconds",
          "P" + p + " request latency over the last 5 minutes",
          () -> window.quantileSeconds(p / 100.0));
    }
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  RequestWindow window() {
    return window;
  }

  /** Records one finished HTTP request; {@code endpoint} is a route template or fixed label. */
  void recordRequest(String method, String endpoint, int status, long nanos) {
    RequestMeters m =
        requestMeters.computeIfAbsent(
            new RequestKey(method, endpoint, status), k -> registerRequestMeters(k));
    m.requests().increment();
    m.duration().record(nanos, TimeUnit.NANOSECONDS);
    if (m.errors() != null) {
      m.errors().increment();
    }
    window.record(status, nanos);
  }

  private record RequestKey(String method, String endpoint, int status) {}

  private record RequestMeters(Counter requests, Timer duration, Counter errors) {}

  /**
   * The meters of one (method, route template, status): looked up once, not rebuilt per request.
   * Route templates bound the number of keys.
   */
  private RequestMeters registerRequestMeters(RequestKey k) {
    Tags tags =
        Tags.of(
            "method", k.method(), "endpoint", k.endpoint(), "status", Integer.toString(k.status()));
    Counter requests =
        Counter.builder("http_requests")
            .description("HTTP requests served, by method, route template and status")
            .tags(tags)
            .register(registry);
    Timer duration =
        Timer.builder("http_request_duration")
            .description("HTTP request latency, by method and route template")
            .tags("method", k.method(), "endpoint", k.endpoint())
            .serviceLevelObjectives(bucketDurations())
            .register(registry);
    Counter errors =
        k.status() < 400
            ? null
            : Counter.builder("http_errors")
                .description(
                    "HTTP responses with a 4xx or 5xx status, by method, route template and status")
                .tags(tags)
                .register(registry);
    return new RequestMeters(requests, duration, errors);
  }

  private static Duration[] bucketDurations() {
    Duration[] out = new Duration[LATENCY_BUCKETS.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = Duration.ofNanos((long) (LATENCY_BUCKETS[i] * 1e9));
    }
    return out;
  }

  /**
   * Registers a gauge read on every scrape and every alert evaluation; {@code value} must be cheap
   * and must not block (cache expensive values, see {@link CachedValue}). NaN means "unknown".
   */
  public void gauge(String name, String description, Supplier<? extends Number> value) {
    gauge(name, description, Tags.empty(), value);
  }

  public void gauge(String name, String description, Tags tags, Supplier<? extends Number> value) {
    Gauge.builder(name, value)
        .description(description)
        .tags(tags)
        .strongReference(true)
        .register(registry);
  }

  /**
   * A gauge with one series per label set whose rows the owner replaces wholesale ({@link
   * MultiGauge#register(Iterable, boolean)} with overwrite), e.g. {@code
   * hours_since_last_run{source}}.
   */
  public MultiGauge multiGauge(String name, String description) {
    return MultiGauge.builder(name).description(description).register(registry);
  }

  /**
   * Hit and request counters for one named cache: {@code cache_hits_total}, {@code
   * cache_requests_total}.
   */
  public CacheMetrics cache(String cacheName) {
    return new CacheMetrics(registry, cacheName);
  }

  /**
   * The same two counters for a Caffeine cache that records its own statistics, read from {@code
   * owner} at each scrape. Micrometer holds {@code owner} weakly: pass the long-lived object that
   * owns the cache, not a lambda.
   */
  public <T> void cache(String cacheName, T owner, Function<T, CacheStats> stats) {
    FunctionCounter.builder(CacheMetrics.REQUESTS, owner, o -> stats.apply(o).requestCount())
        .description(CacheMetrics.REQUESTS_HELP)
        .tag("cache", cacheName)
        .register(registry);
    FunctionCounter.builder(CacheMetrics.HITS, owner, o -> stats.apply(o).hitCount())
        .description(CacheMetrics.HITS_HELP)
        .tag("cache", cacheName)
        .register(registry);
  }
}
