package ai.buywhere.ingest.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.buywhere.catalog.CatalogWriter;
import ai.buywhere.catalog.FxRates;
import ai.buywhere.ingest.FixtureServer;
import ai.buywhere.ingest.IngestConfig;
import ai.buywhere.ingest.ShopifyFeeds;
import ai.buywhere.ingest.run.Run;
import ai.buywhere.ingest.run.RunStatus;
import ai.buywhere.ingest.source.SourceSpec;
import ai.buywhere.store.Database;
import ai.buywhere.store.Dialect;
import ai.buywhere.store.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WorkerFleetTest {
  @TempDir Path dir;

  private static long count(Database db, String sql) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void killedWorkerLeavesWholeChunksAndItsRunIsRetried(Dialect dialect) throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (TestDatabases.Created created = TestDatabases.create(dialect, dir);
        Database db = Database.open(created.config(), "test").migrate();
        FixtureServer server = new FixtureServer()) {
      ShopifyFeeds.serve(server, 1000, null);
      String page3 = ShopifyFeeds.page(3, 1000, null);
      server.on(
          "/products.json?limit=250&page=3",
          ex -> {
            try {
              release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            FixtureServer.send(ex, 200, "application/json", page3.getBytes());
          });
      IngestRuntime rt =
          IngestRuntime.create(
              db,
              new CatalogWriter(db, FxRates.defaults(), Clock.systemUTC(), 50),
              IngestConfig.forTests(Map.of("INGEST_REQUEST_TIMEOUT_MS", "60000")),
              Clock.systemUTC(),
              new SimpleMeterRegistry());
      rt.sources()
          .upsert(
              new SourceSpec("big_us", "shopify", server.base(), null, null, 600, null).validate());
      String runId = rt.controls().trigger(null, "manual", "test", null).get(0).runId();

      String url = created.config().jdbcUrl();
      if (dialect == Dialect.POSTGRESQL) {
        url = url + "&user=postgres";
      }
      Process child =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx256m",
                  "-cp",
                  System.getProperty("java.class.path"),
                  WorkerProcessMain.class.getName(),
                  url)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("child.log").toFile())
              .start();
      try {
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    rt.runs().find(runId).orElseThrow().rowsInserted() >= 500
                        && server.hits("/products.json?limit=250&page=3") >= 1);
        // the child has committed pages 1-2 and is now blocked inside page 3's fetch
        assertThat(server.hits("/products.json?limit=250&page=3")).isEqualTo(1);
      } finally {
        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      Run mid = rt.runs().find(runId).orElseThrow();
      assertThat(mid.status()).isEqualTo(RunStatus.RUNNING);
      long written = count(db, "SELECT COUNT(*) FROM products");
      assertThat(written).isEqualTo(500).matches(n -> n % 50 == 0, "whole chunks only");

      release.countDown();
      Worker survivor = rt.startWorkers("survivor", 1).get(0);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> rt.runs().find(runId).orElseThrow().status() == RunStatus.COMPLETED);
      Run done = rt.runs().find(runId).orElseThrow();
      assertThat(done.attempt()).isEqualTo(2);
      assertThat(done.workerId()).isEqualTo(survivor.id());
      assertThat(count(db, "SELECT COUNT(*) FROM products")).isEqualTo(1000);
      assertThat(rt.actions().recent("big_us", 5)).anyMatch(a -> a.action().equals("auto-requeue"));
      rt.close();
    } finally {
      release.countDown();
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void twoWorkersNeverRunTheSameSourceAtOnce(Dialect dialect) {
    try (TestDatabases.Created created = TestDatabases.create(dialect, dir);
        Database db = Database.open(created.config(), "test").migrate();
        FixtureServer server = new FixtureServer()) {
      Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
      AtomicInteger maxPerSource = new AtomicInteger();
      String page = ShopifyFeeds.page(1, 20, null);
      for (int s = 0; s < 6; s++) {
        String prefix = "/s" + s;
        server.on(
            prefix + "/products.json",
            ex -> {
              int now =
                  inFlight.computeIfAbsent(prefix, k -> new AtomicInteger()).incrementAndGet();
              maxPerSource.accumulateAndGet(now, Math::max);
              try {
                Thread.sleep(30);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              inFlight.get(prefix).decrementAndGet();
              FixtureServer.send(ex, 200, "application/json", page.getBytes());
            });
      }
      try (IngestRuntime rt =
          IngestRuntime.create(
              db,
              new CatalogWriter(db, FxRates.defaults(), Clock.systemUTC(), 100),
              IngestConfig.forTests(),
              Clock.systemUTC(),
              new SimpleMeterRegistry())) {
        for (int s = 0; s < 6; s++) {
          rt.sources()
              .upsert(
                  new SourceSpec(
                          "m" + s + "_us", "shopify", server.base() + "/s" + s, null, null, 1, null)
                      .validate());
        }
        List<Worker> workers = rt.startWorkers("w", 3);
        for (int round = 0; round < 3; round++) {
          rt.controls().trigger(null, "manual", "test", null);
          await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> rt.runs().list(null, 100).stream().allMatch(r -> r.status().isFinal()));
        }
        assertThat(maxPerSource.get()).isEqualTo(1);
        List<Run> all = rt.runs().list(null, 100);
        assertThat(all).allMatch(r -> r.status() == RunStatus.COMPLETED);
        assertThat(all.stream().map(Run::workerId).distinct().count()).isGreaterThan(1);
        rt.metrics().refresh();
        assertThat(workers).hasSize(3);
      }
    }
  }
}
