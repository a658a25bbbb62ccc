package ai.buywhere.ops.health;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.ops.TestHttp;
import ai.buywhere.shared.Json;
import ai.buywhere.store.Database;
import ai.buywhere.store.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthRoutesTest {
  @TempDir Path dir;
  Database db;
  HealthRegistry health;
  Readiness readiness = new Readiness();
  Javalin app;
  String base;
  AtomicLong applied = new AtomicLong(0);
  AtomicLong current = new AtomicLong(0);
  CountDownLatch never = new CountDownLatch(1);

  @BeforeEach
  void start() throws Exception {
    db = Database.open(TestDatabases.sqlite(dir).config(), "health-test").migrate();
    health = new HealthRegistry(Clock.systemUTC(), Duration.ofMillis(500), "1.2.3");
    health.register(StandardChecks.database(db));
    health.register(StandardChecks.disk(dir, 0.999, 0.9999));
    health.register(StandardChecks.searchIndex(applied::get, current::get, 100));
    health.freshness(() -> new Freshness(3, 1, 30.5));
    readiness.require("search index catching up", () -> current.get() - applied.get() <= 100);
    readiness.require("database does not answer", db::ping);
    HealthRoutes routes = new HealthRoutes(health, readiness);
    app = Javalin.create(routes::configure).start(0);
    base = "http://127.0.0.1:" + app.port();
  }

  @AfterEach
  void stop() {
    never.countDown();
    app.stop();
    health.close();
    db.close();
  }

  @Test
  void healthReportsChecksAndFreshness() throws Exception {
    HttpResponse<String> r = TestHttp.get(base + "/health");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode body = Json.mapper().readTree(r.body());
    assertThat(body.path("status").asText()).isEqualTo("ok");
    assertThat(body.path("version").asText()).isEqualTo("1.2.3");
    assertThat(body.path("uptime_s").isNumber()).isTrue();
    assertThat(body.path("checks").path("db").path("status").asText()).isEqualTo("ok");
    assertThat(body.path("checks").path("db").path("dialect").asText()).isEqualTo("sqlite");
    assertThat(body.path("checks").path("search_index").path("lag").asLong()).isZero();
    assertThat(body.path("checks").path("disk").path("status").asText()).isEqualTo("ok");
    assertThat(body.path("checks").path("ingestion").path("status").asText())
        .isEqualTo("not_configured");
    assertThat(body.path("freshness").path("sources_fresh").asInt()).isEqualTo(3);
    assertThat(body.path("freshness").path("sources_stale").asInt()).isEqualTo(1);
    assertThat(body.path("freshness").path("oldest_last_run_age_h").asDouble()).isEqualTo(30.5);
  }

  @Test
  void withoutIngestionTheFreshnessKeysStayPresent() throws Exception {
    health.freshness(() -> Freshness.NONE);
    JsonNode body = Json.mapper().readTree(TestHttp.get(base + "/health").body());
    assertThat(body.path("freshness").has("oldest_last_run_age_h")).isTrue();
    assertThat(body.path("freshness").path("oldest_last_run_age_h").isNull()).isTrue();
    assertThat(body.path("freshness").path("sources_fresh").asInt()).isZero();
  }

  @Test
  void laggingIndexDegradesAndAHungCriticalCheckMakesItUnhealthyWithinTheTimeout()
      throws Exception {
    current.set(500);
    JsonNode degraded = Json.mapper().readTree(TestHttp.get(base + "/health").body());
    assertThat(degraded.path("status").asText()).isEqualTo("degraded");
    assertThat(degraded.path("checks").path("search_index").path("status").asText())
        .isEqualTo("degraded");

    health.register(
        HealthCheck.of(
            "redis",
            true,
            () -> {
              try {
                never.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return CheckResult.ok(null);
            }));
    long t0 = System.nanoTime();
    HttpResponse<String> r = TestHttp.get(base + "/health");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    assertThat(r.statusCode()).isEqualTo(503);
    JsonNode body = Json.mapper().readTree(r.body());
    assertThat(body.path("status").asText()).isEqualTo("unhealthy");
    assertThat(body.path("checks").path("redis").path("message").asText()).contains("timed out");
    // the second probe does not start another stuck thread and still answers
    HttpResponse<String> again = TestHttp.get(base + "/health");
    assertThat(again.statusCode()).isEqualTo(503);
    assertThat(again.body()).contains("previous probe still running");
  }

  @Test
  void readyOnlyAfterMigrationsWithIndexCaughtUpAndNotWhileDraining() throws Exception {
    HttpResponse<String> before = TestHttp.get(base + "/ready");
    assertThat(before.statusCode()).isEqualTo(503);
    assertThat(before.body()).contains("migrations");

    readiness.migrationsDone();
    current.set(1000);
    HttpResponse<String> lagging = TestHttp.get(base + "/ready");
    assertThat(lagging.statusCode()).isEqualTo(503);
    assertThat(lagging.body()).contains("search index catching up");

    applied.set(1000);
    assertThat(TestHttp.get(base + "/ready").statusCode()).isEqualTo(200);

    readiness.startDraining();
    HttpResponse<String> draining = TestHttp.get(base + "/ready");
    assertThat(draining.statusCode()).isEqualTo(503);
    assertThat(draining.body()).contains("draining");
  }
}
