package ai.buywhere.auth;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token-bucket rate limits (Bucket4j): per key a per-minute bucket (greedy refill) and a daily
 * quota that refills at UTC midnight, combined in one bucket so both are checked atomically.
 *
 * <p>With Redis configured the buckets live there and all nodes share them. When Redis fails, the
 * request is decided on local buckets instead — fail open to local limits, never closed for
 * everyone — the gauge {@code rate_limit_redis_up} drops to 0, {@code
 * rate_limit_redis_errors_total} counts, one WARN line says so, and Redis is tried again after
 * {@code REDIS_RETRY_MS}; the first success logs the recovery. Thread-safe.
 */
public final class RateLimiter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

  private final LocalBucketStore local;
  private final RedisBucketStore redis;
  private final Clock clock;
  private final long retryMillis;
  private final AtomicBoolean redisDown = new AtomicBoolean(false);
  private final ScheduledExecutorService reconnector;
  private ScheduledFuture<?> reconnecting;
  private final AtomicInteger redisUp = new AtomicInteger(0);
  private final Counter redisErrors;
  private final Counter localFallback;
  private final MeterRegistry registry;

  RateLimiter(RedisBucketStore redis, Clock clock, Duration redisRetry, MeterRegistry registry) {
    this.local = new LocalBucketStore(new ClockTimeMeter(clock));
    this.redis = redis;
    this.clock = clock;
    this.retryMillis = redisRetry.toMillis();
    this.registry = registry;
    this.redisUp.set(redis == null ? 0 : 1);
    registry.gauge("rate_limit_redis_up", redisUp);
    this.redisErrors = registry.counter("rate_limit_redis_errors_total");
    this.localFallback = registry.counter("rate_limit_local_fallback_total");
    if (redis == null) {
      this.reconnector = null;
    } else {
      this.reconnector =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "rate-limit-redis-reconnect");
                t.setDaemon(true);
                return t;
              });
      if (!redis.connect()) {
        markDown(redis.lastError());
      }
    }
  }

  /** Spends one request of {@code limit} from the bucket named {@code key}. */
  public RateLimitDecision check(String key, RateLimit limit) {
    if (limit.unlimited()) {
      return RateLimitDecision.unlimited();
    }
    long window = limit.perMinute() > 0 ? limit.perMinute() : limit.perDay();
    Duration windowLength = limit.perMinute() > 0 ? Duration.ofMinutes(1) : Duration.ofDays(1);
    String bucketKey = key + ":" + limit.perMinute() + "m" + limit.perDay() + "d";
    return decide(bucketKey, window, windowLength, () -> configuration(limit), false);
  }

  /** A fixed-window allowance (e.g. registrations per IP per hour). */
  RateLimitDecision checkWindow(String key, long allowed, Duration window) {
    String bucketKey = key + ":" + allowed + "/" + window.toSeconds() + "s";
    Supplier<BucketConfiguration> config =
        () ->
            BucketConfiguration.builder()
                .addLimit(b -> b.capacity(allowed).refillIntervally(allowed, window).id("window"))
                .build();
    return decide(bucketKey, allowed, window, config, true);
  }

  /** True while rate limits are served from Redis. */
  public boolean usingRedis() {
    return redis != null && !redisDown.get();
  }

  /**
   * @param exactReset the bucket has a single bandwidth, so Bucket4j's time-to-full is the reset;
   *     with minute + day bandwidths it would be the daily refill, so the minute refill is derived
   */
  private RateLimitDecision decide(
      String key,
      long limit,
      Duration window,
      Supplier<BucketConfiguration> config,
      boolean exactReset) {
    ConsumptionProbe probe = consume(key, config);
    long remaining = Math.max(0, probe.getRemainingTokens());
    if (probe.isConsumed()) {
      long reset =
          exactReset
              ? ceilDiv(probe.getNanosToWaitForReset(), 1_000_000_000L)
              : remaining >= limit ? 0 : ceilDiv((limit - remaining) * window.toSeconds(), limit);
      return new RateLimitDecision(true, limit, remaining, reset, 0);
    }
    long wait = Math.max(1, ceilDiv(probe.getNanosToWaitForRefill(), 1_000_000_000L));
    registry.counter("rate_limit_rejected_total").increment();
    return new RateLimitDecision(false, limit, 0, wait, wait);
  }

  private ConsumptionProbe consume(String key, Supplier<BucketConfiguration> config) {
    if (redis != null && !redisDown.get()) {
      try {
        return redis.tryConsume(key, config);
      } catch (RuntimeException e) {
        redisErrors.increment();
        markDown(e);
      }
    }
    if (redis != null) {
      localFallback.increment();
    }
    return local.tryConsume(key, config);
  }

  private void markDown(RuntimeException cause) {
    if (!redisDown.compareAndSet(false, true)) {
      return;
    }
    redisUp.set(0);
    log.warn(
        "Redis unavailable for rate limits ({}); falling back to per-node local buckets until it"
            + " returns",
        String.valueOf(cause));
    synchronized (this) {
      if (!reconnector.isShutdown()) {
        reconnecting =
            reconnector.scheduleWithFixedDelay(
                this::tryReconnect, retryMillis, retryMillis, TimeUnit.MILLISECONDS);
      }
    }
  }

  private void tryReconnect() {
    if (redis.connect()) {
      synchronized (this) {
        reconnecting.cancel(false);
      }
      redisUp.set(1);
      redisDown.set(false);
      log.info("Redis is back: rate limits are shared across nodes again");
    }
  }

  private BucketConfiguration configuration(RateLimit limit) {
    var builder = BucketConfiguration.builder();
    if (limit.perMinute() > 0) {
      builder.addLimit(
          b ->
              b.capacity(limit.perMinute())
                  .refillGreedy(limit.perMinute(), Duration.ofMinutes(1))
                  .id("minute"));
    }
    if (limit.perDay() > 0) {
      Instant midnight =
          LocalDate.now(clock.withZone(ZoneOffset.UTC))
              .plusDays(1)
              .atStartOfDay(ZoneOffset.UTC)
              .toInstant();
      builder.addLimit(
          b ->
              b.capacity(limit.perDay())
                  .refillIntervallyAligned(limit.perDay(), Duration.ofDays(1), midnight)
                  .id("day"));
    }
    return builder.build();
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  @Override
  public void close() {
    if (redis != null) {
      synchronized (this) {
        reconnector.shutdownNow();
      }
      redis.close();
    }
  }
}
