package ai.buywhere.auth;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Buckets in Redis (Bucket4j's compare-and-swap proxy over Lettuce), so every API node spends one
 * shared budget. {@link #connect()} is called by {@link RateLimiter} at start-up and from its
 * background reconnect loop, never on a request; on any command failure the connection is dropped,
 * and until the next successful {@code connect()} every call fails at once. Commands time out after
 * {@code timeout}, so a dead Redis costs one request at most that long.
 */
final class RedisBucketStore implements BucketStore, AutoCloseable {
  /** Connecting happens off the request path, so it may take longer than a command. */
  private static final Duration MIN_CONNECT = Duration.ofSeconds(2);

  private final RedisClient client;
  private final String prefix;
  private final Duration timeout;
  private final TimeMeter timeMeter;
  private StatefulRedisConnection<byte[], byte[]> connection;
  private volatile LettuceBasedProxyManager<byte[]> proxy;
  private volatile RuntimeException lastError;

  RedisBucketStore(String url, String prefix, Duration timeout, TimeMeter timeMeter) {
    RedisURI uri = RedisURI.create(url);
    uri.setTimeout(timeout);
    this.client = RedisClient.create(uri);
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(false)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(
                SocketOptions.builder()
                    .connectTimeout(timeout.compareTo(MIN_CONNECT) < 0 ? MIN_CONNECT : timeout)
                    .build())
            .timeoutOptions(TimeoutOptions.enabled(timeout))
            .build());
    this.prefix = prefix;
    this.timeout = timeout;
    this.timeMeter = timeMeter;
  }

  @Override
  public ConsumptionProbe tryConsume(String key, Supplier<BucketConfiguration> configuration) {
    LettuceBasedProxyManager<byte[]> p = proxy;
    if (p == null) {
      throw new IllegalStateException("not connected to Redis");
    }
    try {
      return p.builder()
          .build((prefix + key).getBytes(StandardCharsets.UTF_8), configuration)
          .tryConsumeAndReturnRemaining(1);
    } catch (RuntimeException e) {
      disconnect();
      throw e;
    }
  }

  /** Connects (and pings) if not connected; false with {@link #lastError()} when that fails. */
  synchronized boolean connect() {
    if (proxy != null) {
      return true;
    }
    try {
      connection = client.connect(ByteArrayCodec.INSTANCE);
      connection.sync().ping();
      proxy =
          Bucket4jLettuce.casBasedBuilder(connection)
              .clientClock(timeMeter)
              .requestTimeout(timeout)
              .expirationAfterWrite(
                  ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                      Duration.ofHours(25)))
              .build();
      lastError = null;
      return true;
    } catch (RuntimeException e) {
      lastError = e;
      disconnect();
      return false;
    }
  }

  RuntimeException lastError() {
    return lastError;
  }

  private synchronized void disconnect() {
    proxy = null;
    if (connection != null) {
      connection.closeAsync();
      connection = null;
    }
  }

  @Override
  public void close() {
    disconnect();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
