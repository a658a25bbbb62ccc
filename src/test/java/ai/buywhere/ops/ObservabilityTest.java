package ai.buywhere.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.api.ApiException;
import ai.buywhere.api.ApiServer;
import ai.buywhere.api.ErrorCode;
import ai.buywhere.api.RouteModule;
import ai.buywhere.app.Settings;
import ai.buywhere.catalog.CatalogRepository;
import ai.buywhere.shared.Json;
import ai.buywhere.store.Database;
import ai.buywhere.store.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ops modules wired the way the composition root wires them, served by the real ApiServer. */
class ObservabilityTest {
  @TempDir Path dir;

  @Test
  void opsRoutesThroughApiServer() throws Exception {
    try (Database db = Database.open(TestDatabases.sqlite(dir).config(), "obs-test").migrate();
        Observability obs =
            new Observability(
                Settings.of(
                    Map.of("ALERT_EVALUATION_INTERVAL_S", "0", "SHUTDOWN_DRAIN_S", "0"), Map.of()),
                Clock.systemUTC(),
                db,
                new CatalogRepository(db),
                () -> 0L,
                dir,
                "test",
                true)) {
      List<RouteModule> modules = new ArrayList<>(obs.routeModules());
      modules.add(
          config -> {
            config.routes.get("/v1/products/{id}", ctx -> ctx.result("{}"));
            config.routes.get(
                "/v1/fail",
                ctx -> {
                  throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "down");
                });
          });
      try (ApiServer server =
          new ApiServer(ApiServer.Options.of("127.0.0.1", 0), modules).start()) {
        String base = "http://127.0.0.1:" + server.port();
        assertThat(TestHttp.get(base + "/v1/products/x1").statusCode()).isEqualTo(200);
        assertThat(TestHttp.get(base + "/v1/fail").statusCode()).isEqualTo(503);
        assertThat(TestHttp.get(base + "/nope").statusCode()).isEqualTo(404);

        HttpResponse<String> health = TestHttp.get(base + "/health");
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode h = Json.mapper().readTree(health.body());
        assertThat(h.path("checks").path("db").path("status").asText()).isEqualTo("ok");
        assertThat(h.path("checks").path("search_index").path("status").asText()).isEqualTo("ok");
        assertThat(TestHttp.get(base + "/ready").statusCode()).isEqualTo(200);

        String metrics = TestHttp.get(base + "/metrics").body();
        assertThat(metrics)
            .contains(
                "http_requests_total{endpoint=\"/v1/products/{id}\",method=\"GET\",status=\"200\"} 1.0")
            .contains("http_errors_total{endpoint=\"/v1/fail\",method=\"GET\",status=\"503\"} 1.0")
            .contains("endpoint=\"unmatched\",method=\"GET\",status=\"404\"")
            .contains("catalog_products 0.0")
            .contains("search_index_lag 0.0")
            .contains("alert_notifications_dropped_total 0.0");
        assertThat(TestHttp.run(List.of("promtool", "check", "metrics"), metrics).exit()).isZero();

        obs.drain();
        assertThat(TestHttp.get(base + "/ready").statusCode()).isEqualTo(503);
        assertThat(obs.alerts().evaluate()).isEmpty();
      }
    }
  }
}
