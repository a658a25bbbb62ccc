package ai.buywhere.ingest.run;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.catalog.CatalogWriter;
import ai.buywhere.catalog.FxRates;
import ai.buywhere.ingest.FixtureServer;
import ai.buywhere.ingest.IngestConfig;
import ai.buywhere.ingest.ShopifyFeeds;
import ai.buywhere.ingest.Source;
import ai.buywhere.ingest.fleet.IngestRuntime;
import ai.buywhere.ingest.fleet.Worker;
import ai.buywhere.ingest.source.SourceSpec;
import ai.buywhere.store.Database;
import ai.buywhere.store.Dialect;
import ai.buywhere.store.TestDatabases;
import ai.buywhere.testsupport.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IngestRunTest {
  @TempDir Path dir;

  private record Env(
      TestDatabases.Created created,
      Database db,
      IngestRuntime rt,
      MutableClock clock,
      FixtureServer server)
      implements AutoCloseable {
    long count(String sql) {
      return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Override
    public void close() {
      rt.close();
      server.close();
      db.close();
      created.close();
    }
  }

  private Env env(Dialect dialect, Map<String, String> settings) {
    TestDatabases.Created created = TestDatabases.create(dialect, dir);
    Database db = Database.open(created.config(), "test").migrate();
    MutableClock clock = new MutableClock(1_800_000_000_000L);
    CatalogWriter writer = new CatalogWriter(db, FxRates.defaults(), clock, 100);
    IngestRuntime rt =
        IngestRuntime.create(
            db, writer, IngestConfig.forTests(settings), clock, new SimpleMeterRegistry());
    return new Env(created, db, rt, clock, new FixtureServer());
  }

  private static Source register(Env env, String id) {
    return env.rt()
        .sources()
        .upsert(
            new SourceSpec(id, "shopify", env.server().base(), null, null, 60, null).validate());
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void runWritesCountsUnchangedAndDeactivatesWhatTheSourceStoppedListing(Dialect dialect) {
    try (Env env = env(dialect, Map.of("INGEST_DEACTIVATE_GRACE_HOURS", "1"))) {
      ShopifyFeeds.serve(env.server(), 300, null);
      register(env, "gadgets_sg");
      Worker w = env.rt().newWorker("t");
      List<IngestControls.Triggered> t =
          env.rt().controls().trigger(List.of("gadgets_*"), "manual", "test", null);
      assertThat(t).singleElement().satisfies(x -> assertThat(x.created()).isTrue());
      assertThat(w.runOnce()).isTrue();
      Run first = env.rt().runs().find(t.get(0).runId()).orElseThrow();
      assertThat(first.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(first.rowsSeen()).isEqualTo(300);
      assertThat(first.rowsInserted()).isEqualTo(300);
      assertThat(env.count("SELECT COUNT(*) FROM products WHERE currency = 'SGD'")).isEqualTo(300);
      Source after = env.rt().sources().find("gadgets_sg").orElseThrow();
      assertThat(after.qualityScore()).isEqualTo(1.0);
      assertThat(after.lastRunId()).isEqualTo(first.id());

      // the store drops 50 products; within the grace period nothing is deactivated
      ShopifyFeeds.serve(env.server(), 250, null);
      env.clock().advance(Duration.ofMinutes(10));
      env.rt().controls().trigger(List.of("gadgets_sg"), "manual", "test", null);
      assertThat(w.runOnce()).isTrue();
      Run second = env.rt().runs().list("gadgets_sg", 1).get(0);
      assertThat(second.id()).isNotEqualTo(first.id());
      assertThat(second.rowsUnchanged()).isEqualTo(250);
      assertThat(second.rowsDeactivated()).isZero();
      env.clock().advance(Duration.ofMinutes(61));
      assertThat(w.runOnce()).isTrue(); // due by schedule
      Run third = env.rt().runs().list("gadgets_sg", 1).get(0);
      assertThat(third.trigger()).isEqualTo("schedule");
      assertThat(third.rowsDeactivated()).isEqualTo(50);
      assertThat(env.count("SELECT COUNT(*) FROM products")).isEqualTo(300);
      assertThat(env.count("SELECT COUNT(*) FROM products WHERE is_active = FALSE")).isEqualTo(50);
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void poisonedBatchIsRejectedWithoutTouchingTheCatalog(Dialect dialect) {
    try (Env env = env(dialect, Map.of("INGEST_DEACTIVATE_GRACE_HOURS", "0"))) {
      ShopifyFeeds.serve(env.server(), 40, null);
      register(env, "shop_us");
      Worker w = env.rt().newWorker("t");
      env.rt().controls().trigger(null, "manual", "test", null);
      w.runOnce();
      long seqBefore = env.count("SELECT value FROM catalog_sequence");
      ShopifyFeeds.serve(env.server(), 40, "0.00");
      env.clock().advance(Duration.ofSeconds(1));
      env.rt().controls().trigger(List.of("shop_us"), "manual", "test", null);
      w.runOnce();
      Run poisoned = env.rt().runs().list("shop_us", 1).get(0);
      assertThat(poisoned.status()).isEqualTo(RunStatus.FAILED);
      assertThat(poisoned.rowsFailed()).isEqualTo(40);
      assertThat(poisoned.errorSamples()).anyMatch(s -> s.contains("batch rejected"));
      assertThat(env.count("SELECT value FROM catalog_sequence")).isEqualTo(seqBefore);
      assertThat(env.count("SELECT COUNT(*) FROM products WHERE is_active = TRUE AND price > 1"))
          .isEqualTo(40);
      assertThat(env.rt().sources().find("shop_us").orElseThrow().qualityScore()).isLessThan(0.7);
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void failedRunsAreRetriedUntilTheyWork(Dialect dialect) {
    try (Env env = env(dialect, Map.of("INGEST_HTTP_RETRIES", "0"))) {
      AtomicInteger calls = new AtomicInteger();
      String page = ShopifyFeeds.page(1, 10, null);
      env.server()
          .on(
              "/products.json",
              ex -> {
                if (calls.incrementAndGet() <= 2) {
                  FixtureServer.send(ex, 503, "text/plain", "down".getBytes());
                } else {
                  FixtureServer.send(ex, 200, "application/json", page.getBytes());
                }
              });
      register(env, "flaky_us");
      Worker w = env.rt().newWorker("t");
      String runId = env.rt().controls().trigger(null, "manual", "test", null).get(0).runId();
      w.runOnce();
      Run r1 = env.rt().runs().find(runId).orElseThrow();
      assertThat(r1.status()).isEqualTo(RunStatus.QUEUED);
      assertThat(r1.attempt()).isEqualTo(2);
      assertThat(r1.errorSummary()).contains("HTTP 503");
      w.runOnce();
      w.runOnce();
      Run r3 = env.rt().runs().find(runId).orElseThrow();
      assertThat(r3.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(r3.attempt()).isEqualTo(3);
      assertThat(env.count("SELECT COUNT(*) FROM products")).isEqualTo(10);
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void oneQueuedOrRunningRunPerSourceAndStalledRunsAreRequeued(Dialect dialect) {
    try (Env env = env(dialect, Map.of())) {
      ShopifyFeeds.serve(env.server(), 5, null);
      register(env, "a_us");
      IngestControls c = env.rt().controls();
      String id1 = c.trigger(null, "manual", "t", null).get(0).runId();
      IngestControls.Triggered again = c.trigger(null, "manual", "t", null).get(0);
      assertThat(again.runId()).isEqualTo(id1);
      assertThat(again.created()).isFalse();

      Run ghost = env.rt().runs().claim("ghost").orElseThrow();
      assertThat(env.rt().runs().claim("other")).isEmpty();
      assertThat(c.trigger(null, "manual", "t", null).get(0).runId()).isEqualTo(ghost.id());
      Worker w = env.rt().newWorker("t");
      assertThat(w.runOnce()).isFalse(); // ghost's heartbeat is fresh
      env.clock().advance(Duration.ofSeconds(5));
      assertThat(w.runOnce()).isTrue(); // reaped and re-claimed
      Run done = env.rt().runs().find(id1).orElseThrow();
      assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(done.attempt()).isEqualTo(2);
      assertThat(env.rt().actions().recent("a_us", 5))
          .anyMatch(a -> a.action().equals("auto-requeue"));
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void pauseHoldsQueuedRunsStopCancelsAndResumeReleases(Dialect dialect) {
    try (Env env = env(dialect, Map.of())) {
      ShopifyFeeds.serve(env.server(), 5, null);
      register(env, "bestbuy_us");
      register(env, "courts_sg");
      IngestControls c = env.rt().controls();
      assertThat(c.pause(List.of("us_*"), "maintenance", "test")).containsExactly("bestbuy_us");
      List<IngestControls.Triggered> t = c.trigger(null, "manual", "t", null);
      assertThat(t)
          .filteredOn(x -> x.sourceId().equals("bestbuy_us"))
          .singleElement()
          .satisfies(x -> assertThat(x.skipped()).contains("maintenance"));
      c.resume(List.of("*_us"), "test");
      String us = c.trigger(List.of("bestbuy_us"), "manual", "t", null).get(0).runId();
      c.stop(List.of("bestbuy_*"), null, "test");
      assertThat(env.rt().runs().find(us).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
      Source paused = env.rt().sources().find("bestbuy_us").orElseThrow();
      assertThat(paused.status()).isEqualTo("paused");
      assertThat(paused.pausedReason()).isEqualTo("stopped by test");
      Worker w = env.rt().newWorker("t");
      assertThat(w.runOnce()).isTrue(); // courts_sg
      assertThat(w.runOnce()).isFalse();
      assertThat(env.rt().actions().recent("bestbuy_us", 10))
          .extracting(a -> a.action())
          .contains("pause", "resume", "trigger", "stop");
    }
  }
}
