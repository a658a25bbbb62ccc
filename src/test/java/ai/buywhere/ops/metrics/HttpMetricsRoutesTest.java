package ai.buywhere.ops.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.api.ApiException;
import ai.buywhere.api.ErrorCode;
import ai.buywhere.ops.TestHttp;
import ai.buywhere.store.Database;
import ai.buywhere.store.TestDatabases;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpMetricsRoutesTest {
  @TempDir Path dir;
  Javalin app;
  Database db;
  Metrics metrics;
  String base;

  @BeforeEach
  void start() {
    db = Database.open(TestDatabases.sqlite(dir).config(), "metrics-test").migrate();
    metrics = new Metrics(Clock.systemUTC());
    CoreMetrics.bindDatabase(metrics, db);
    CoreMetrics.bindDisk(metrics, dir);
    metrics.cache("products").hit();
    HttpMetricsRoutes routes = new HttpMetricsRoutes(metrics);
    app =
        Javalin.create(
                config -> {
                  routes.configure(config);
                  config.routes.get("/v1/products/{id}", ctx -> ctx.result(ctx.pathParam("id")));
                  config.routes.get(
                      "/boom",
                      ctx -> {
                        throw new IllegalStateException("boom");
                      });
                  config.routes.get(
                      "/missing",
                      ctx -> {
                        throw new ApiException(ErrorCode.NOT_FOUND, "nope");
                      });
                  config.routes.exception(
                      ApiException.class, (e, ctx) -> ctx.status(e.code().status()));
                })
            .start(0);
    base = "http://127.0.0.1:" + app.port();
  }

  @AfterEach
  void stop() {
    app.stop();
    db.close();
  }

  @Test
  void labelsRequestsWithRouteTemplatesAndExposesPromtoolCleanMetrics() {
    TestHttp.get(base + "/v1/products/abc?api_key=secret");
    TestHttp.get(base + "/v1/products/def");
    TestHttp.get(base + "/no/such/route/123");
    TestHttp.get(base + "/boom");
    TestHttp.get(base + "/missing");

    String text = TestHttp.get(base + "/metrics").body();

    assertThat(text)
        .contains(
            "http_requests_total{endpoint=\"/v1/products/{id}\",method=\"GET\",status=\"200\"} 2.0")
        .contains("endpoint=\"unmatched\",method=\"GET\",status=\"404\"")
        .contains("http_errors_total{endpoint=\"/boom\",method=\"GET\",status=\"500\"} 1.0")
        .contains("http_errors_total{endpoint=\"/missing\",method=\"GET\",status=\"404\"} 1.0")
        .contains("http_request_duration_seconds_bucket{endpoint=\"/v1/products/{id}\"")
        .contains("le=\"0.001\"")
        .contains("le=\"5.0\"")
        .contains("db_connection_pool_checked_out ")
        .contains("db_connection_pool_size 4.0")
        .contains("cache_hits_total{cache=\"products\"} 1.0")
        .contains("jvm_memory_used_bytes")
        .contains("process_cpu_usage")
        .contains("disk_used_ratio{path=")
        .doesNotContain("/v1/products/abc")
        .doesNotContain("secret");
    // 1 of the 5 requests before this scrape was a 5xx
    assertThat(text).containsPattern("(?m)^error_rate 0\\.2$");

    TestHttp.Run check = TestHttp.run(List.of("promtool", "check", "metrics"), text);
    assertThat(check.output()).isEmpty();
    assertThat(check.exit()).isZero();
  }
}
