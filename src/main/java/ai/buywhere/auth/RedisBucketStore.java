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
 * shared budget. Connects lazily; on any failure the connection is dropped and the next call
 * reconnects, so a Redis that comes back is used again without Lettuce's own reconnect back-off.
 * Commands are rejected at once while disconnected and time out after {@code timeout}: a dead Redis
 * costs a request at most that long, and {@link RateLimiter} stops asking it for a while.
 */
final class RedisBucketStore implements BucketStore, AutoCloseable {
  private final RedisClient client;
  private final String prefix;
  private final Duration timeout;
  private final TimeMeter timeMeter;
  private StatefulRedisConnection<byte[], byte[]> connection;
  private volatile LettuceBasedProxyManager<byte[]> proxy;

  RedisBucketStore(String url, String prefix, Duration timeout, TimeMeter timeMeter) {
    RedisURI uri = RedisURI.create(url);
    uri.setTimeout(timeout);
    this.client = RedisClient.create(uri);
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(false)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
            .timeoutOptions(TimeoutOptions.enabled(timeout))
            .build());
    this.prefix = prefix;
    this.timeout = timeout;
    this.timeMeter = timeMeter;
  }

  @Override
  public ConsumptionProbe tryConsume(String key, Supplier<BucketConfiguration> configuration) {
    try {
      return proxy()
          .builder()
          .build((prefix + key).getBytes(StandardCharsets.UTF_8), configuration)
          .tryConsumeAndReturnRemaining(1);
    } catch (RuntimeException e) {
      disconnect();
      throw e;
    }
  }

  private LettuceBasedProxyManager<byte[]> proxy() {
    LettuceBasedProxyManager<byte[]> p = proxy;
    if (p != null) {
      return p;
    }
    synchronized (this) {
      if (proxy == null) {
        connection = client.connect(ByteArrayCodec.INSTANCE);
        proxy =
            Bucket4jLettuce.casBasedBuilder(connection)
                .clientClock(timeMeter)
                .requestTimeout(timeout)
                .expirationAfterWrite(
                    ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofHours(25)))
                .build();
      }
      return proxy;
    }
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
