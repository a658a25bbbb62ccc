package ai.buywhere.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.buywhere.store.Database;
import ai.buywhere.store.Dialect;
import ai.buywhere.store.TestDatabases;
import ch.qos.logback.classic.Level;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rate limits in Redis: one budget for all nodes, fail-open to local buckets, recovery. */
class RateLimiterRedisTest {
  static final String SHARED_REDIS = "redis://127.0.0.1:6379";

  @TempDir Path dir;

  static String prefix() {
    return "bw:test:" + UUID.randomUUID().toString().substring(0, 8) + ":";
  }

  static long redisKeys(String url, String prefix) {
    RedisClient client = RedisClient.create(url);
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      return c.sync().keys(prefix + "*").size();
    } finally {
      client.shutdown();
    }
  }

  @Test
  void twoNodesShareOneBudgetThroughRedis() {
    String prefix = prefix();
    Map<String, String> env =
        Map.of(
            "REDIS_URL",
            SHARED_REDIS,
            "RATE_LIMIT_REDIS_PREFIX",
            prefix,
            "RATE_LIMIT_LIVE_RPM",
            "6");
    TestClock clock = TestClock.at("2026-03-01T10:00:00Z");
    try (TestDatabases.Created created = TestDatabases.sqlite(dir);
        Database db = Database.open(created.config(), "redis-test").migrate();
        AuthTestApp a = AuthTestApp.node(db, env, clock);
        AuthTestApp b = AuthTestApp.node(db, env, clock)) {
      IssuedKey k = a.auth.keys().create(NewKey.of("shared", Tier.LIVE, Role.AGENT));
      int ok = 0;
      for (int i = 0; i < 10; i++) {
        AuthTestApp node = i % 2 == 0 ? a : b;
        if (node.get("/v1/probe", k.secret()).statusCode() == 200) {
          ok++;
        }
      }
      assertThat(ok).isEqualTo(6);
      assertThat(a.auth.rateLimiter().usingRedis()).isTrue();
      assertThat(redisKeys(SHARED_REDIS, prefix)).isEqualTo(1);
      // one minute later both nodes see the refilled bucket
      clock.advance(Duration.ofMinutes(1));
      assertThat(b.get("/v1/probe", k.secret()).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void redisOutageFailsOpenToLocalBucketsAndRedisIsUsedAgainWhenItReturns() throws Exception {
    String prefix = prefix();
    try (RedisServerProcess redis = new RedisServerProcess();
        LogCapture logs = new LogCapture();
        AuthTestApp app =
            new AuthTestApp(
                Dialect.SQLITE,
                dir,
                Map.of(
                    "REDIS_URL", redis.url(),
                    "RATE_LIMIT_REDIS_PREFIX", prefix,
                    "REDIS_TIMEOUT_MS", "300",
                    "REDIS_RETRY_MS", "200",
                    "RATE_LIMIT_LIVE_RPM", "1000"),
                Clock.systemUTC())) {
      IssuedKey k = app.auth.keys().create(NewKey.of("k", Tier.LIVE, Role.AGENT));
      assertThat(app.get("/v1/probe", k.secret()).statusCode()).isEqualTo(200);
      assertThat(app.auth.rateLimiter().usingRedis()).isTrue();
      assertThat(redisKeys(redis.url(), prefix)).isEqualTo(1);
      assertThat(gauge(app)).isEqualTo(1.0);

      redis.stop();
      for (int i = 0; i < 5; i++) {
        HttpResponse<String> r = app.get("/v1/probe", k.secret());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-RateLimit-Limit")).hasValue("1000");
      }
      assertThat(app.auth.rateLimiter().usingRedis()).isFalse();
      assertThat(gauge(app)).isEqualTo(0.0);
      assertThat(app.registry.counter("rate_limit_redis_errors_total").count()).isPositive();
      assertThat(app.registry.counter("rate_limit_local_fallback_total").count())
          .isGreaterThanOrEqualTo(5);
      assertThat(
              logs.events().stream()
                  .filter(e -> e.getLevel() == Level.WARN)
                  .filter(e -> e.getFormattedMessage().contains("falling back to per-node local")))
          .hasSize(1);

      redis.start();
      await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () ->
                  app.get("/v1/probe", k.secret()).statusCode() == 200
                      && app.auth.rateLimiter().usingRedis());
      assertThat(gauge(app)).isEqualTo(1.0);
      assertThat(redisKeys(redis.url(), prefix)).isEqualTo(1);
      assertThat(logs.everything()).contains("Redis is back");
    }
  }

  @Test
  void redisDownAtStartUpStillServesOnLocalBuckets() throws Exception {
    int port;
    try (RedisServerProcess redis = new RedisServerProcess()) {
      port = redis.port;
    }
    try (AuthTestApp app =
        new AuthTestApp(
            Dialect.SQLITE,
            dir,
            Map.of("REDIS_URL", "redis://127.0.0.1:" + port, "RATE_LIMIT_FREE_RPM", "2"),
            Clock.systemUTC())) {
      IssuedKey k = app.auth.keys().create(NewKey.of("k", Tier.FREE, Role.AGENT));
      assertThat(app.get("/v1/probe", k.secret()).statusCode()).isEqualTo(200);
      assertThat(app.get("/v1/probe", k.secret()).statusCode()).isEqualTo(200);
      // local buckets still limit: fail open to local limits, not to no limits
      assertThat(app.get("/v1/probe", k.secret()).statusCode()).isEqualTo(429);
      assertThat(app.auth.rateLimiter().usingRedis()).isFalse();
    }
  }

  private static double gauge(AuthTestApp app) {
    return app.registry.get("rate_limit_redis_up").gauge().value();
  }
}
