package ai.buywhere.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.store.Dialect;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * N threads hammering one key over HTTP never get more than the budget plus what refilled while
 * they ran, with local buckets and with Redis buckets (compare-and-swap under contention).
 */
class RateLimitConcurrencyTest {
  static final int RPM = 40;
  static final int THREADS = 12;
  static final int PER_THREAD = 12;

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"local", "redis"})
  void hammeringOneKeyNeverExceedsTheBudgetByMoreThanOneRefill(String backend) throws Exception {
    Map<String, String> env = new HashMap<>(Map.of("RATE_LIMIT_LIVE_RPM", Integer.toString(RPM)));
    if (backend.equals("redis")) {
      env.put("REDIS_URL", "redis://127.0.0.1:6379");
      env.put("RATE_LIMIT_REDIS_PREFIX", "bw:test:" + UUID.randomUUID() + ":");
      env.put("REDIS_TIMEOUT_MS", "2000");
    }
    try (AuthTestApp app = new AuthTestApp(Dialect.SQLITE, dir, env, Clock.systemUTC())) {
      assertThat(app.auth.rateLimiter().usingRedis()).isEqualTo(backend.equals("redis"));
      IssuedKey k = app.auth.keys().create(NewKey.of("hammer", Tier.LIVE, Role.AGENT));
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<int[]>> results = new ArrayList<>();
      long began = System.nanoTime();
      for (int t = 0; t < THREADS; t++) {
        Callable<int[]> worker =
            () -> {
              start.await();
              int ok = 0;
              int limited = 0;
              for (int i = 0; i < PER_THREAD; i++) {
                int status = app.get("/v1/probe", k.secret()).statusCode();
                if (status == 200) {
                  ok++;
                } else if (status == 429) {
                  limited++;
                }
              }
              return new int[] {ok, limited};
            };
        results.add(pool.submit(worker));
      }
      start.countDown();
      int ok = 0;
      int limited = 0;
      for (Future<int[]> f : results) {
        int[] r = f.get();
        ok += r[0];
        limited += r[1];
      }
      double seconds = (System.nanoTime() - began) / 1e9;
      pool.shutdown();
      // greedy refill adds RPM/60 tokens per second while the threads run
      long refilled = (long) Math.ceil(seconds * RPM / 60.0);
      assertThat(ok + limited).isEqualTo(THREADS * PER_THREAD);
      assertThat((long) ok)
          .isGreaterThanOrEqualTo(RPM)
          .isLessThanOrEqualTo(RPM + Math.max(1, refilled));
      assertThat(app.auth.rateLimiter().usingRedis()).isEqualTo(backend.equals("redis"));
    }
  }
}
