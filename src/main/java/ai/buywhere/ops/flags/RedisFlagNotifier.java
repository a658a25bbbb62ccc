package ai.buywhere.ops.flags;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Optional fast path for override fan-out when {@code REDIS_URL} is set: a node that writes an
 * override publishes the flag name on a channel; every subscribed node re-reads overrides from the
 * database at once instead of waiting for its next poll. The database stays the truth and polling
 * keeps running, so a lost message or a Redis outage only costs latency (back to the poll bound).
 *
 * <p>{@code onChange} runs on Lettuce's event loop and must not block: the caller hands it to its
 * own executor. Lettuce reconnects and re-subscribes by itself after a Redis restart.
 */
final class RedisFlagNotifier implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RedisFlagNotifier.class);

  private final RedisClient client;
  private final StatefulRedisPubSubConnection<String, String> sub;
  private final StatefulRedisPubSubConnection<String, String> pub;
  private final String channel;

  private RedisFlagNotifier(
      RedisClient client,
      StatefulRedisPubSubConnection<String, String> sub,
      StatefulRedisPubSubConnection<String, String> pub,
      String channel) {
    this.client = client;
    this.sub = sub;
    this.pub = pub;
    this.channel = channel;
  }

  /** Connects and subscribes; throws when Redis cannot be reached (the caller falls back). */
  static RedisFlagNotifier connect(String url, String channel, Runnable onChange) {
    RedisURI uri = RedisURI.create(url);
    uri.setTimeout(Duration.ofSeconds(2));
    RedisClient client = RedisClient.create(uri);
    try {
      StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub();
      sub.addListener(
          new RedisPubSubAdapter<>() {
            @Override
            public void message(String ch, String message) {
              if (channel.equals(ch)) {
                onChange.run();
              }
            }
          });
      sub.sync().subscribe(channel);
      StatefulRedisPubSubConnection<String, String> pub = client.connectPubSub();
      return new RedisFlagNotifier(client, sub, pub, channel);
    } catch (RuntimeException e) {
      client.shutdown();
      throw e;
    }
  }

  /** Tells the other nodes a flag changed; failures are logged, never thrown. */
  void publish(String flag) {
    pub.async()
        .publish(channel, flag)
        .whenComplete(
            (n, err) -> {
              if (err != null) {
                log.warn(
                    "cannot publish flag change on Redis ({}); nodes poll instead", err.toString());
              }
            });
  }

  @Override
  public void close() {
    sub.close();
    pub.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
