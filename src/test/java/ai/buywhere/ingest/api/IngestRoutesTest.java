package ai.buywhere.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.api.ApiException;
import ai.buywhere.catalog.CatalogWriter;
import ai.buywhere.catalog.FxRates;
import ai.buywhere.ingest.FixtureServer;
import ai.buywhere.ingest.IngestConfig;
import ai.buywhere.ingest.ShopifyFeeds;
import ai.buywhere.ingest.fleet.IngestRuntime;
import ai.buywhere.shared.Json;
import ai.buywhere.store.Database;
import ai.buywhere.store.Dialect;
import ai.buywhere.store.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IngestRoutesTest {
  @TempDir Path dir;
  private final HttpClient client = HttpClient.newHttpClient();
  private String base;

  private record Reply(int status, JsonNode body) {}

  private Reply call(String method, String path, String body, String auth) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (auth != null) {
      b.header("Authorization", auth);
    }
    HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.body().isEmpty() ? null : Json.mapper().readTree(r.body()));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void adminSourcesControlsRunsAndPush(Dialect dialect) throws Exception {
    try (TestDatabases.Created created = TestDatabases.create(dialect, dir);
        Database db = Database.open(created.config(), "test").migrate();
        FixtureServer feed = new FixtureServer();
        IngestRuntime rt =
            IngestRuntime.create(
                db,
                new CatalogWriter(db, FxRates.defaults(), Clock.systemUTC()),
                IngestConfig.forTests(),
                Clock.systemUTC(),
                new SimpleMeterRegistry())) {
      ShopifyFeeds.serve(feed, 30, null);
      Javalin app =
          Javalin.create(
                  cfg -> {
                    new IngestAdminRoutes(rt).configure(cfg);
                    new PushRoutes(rt.push(), PushAuthorizer.adminToken("s3cret")).configure(cfg);
                    cfg.routes.exception(
                        ApiException.class,
                        (e, ctx) ->
                            ctx.status(e.code().status())
                                .json(
                                    Map.of(
                                        "error",
                                        Map.of(
                                            "code", e.code().wire(), "message", e.getMessage()))));
                  })
              .start("127.0.0.1", 0);
      try {
        base = "http://127.0.0.1:" + app.port();
        Reply bad =
            call("POST", "/admin/sources", "{\"id\":\"Bad Id\",\"kind\":\"shopify\"}", null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().at("/error/message").asText()).contains("'id'");
        assertThat(call("POST", "/admin/sources", "{not json", null).status()).isEqualTo(400);
        assertThat(
                call(
                        "POST",
                        "/admin/sources",
                        "{\"id\":\"x_us\",\"kind\":\"ftp\",\"url\":\"http://a\"}",
                        null)
                    .body()
                    .at("/error/message")
                    .asText())
            .contains("'kind'");

        Reply created1 =
            call(
                "POST",
                "/admin/sources",
                "{\"id\":\"gadgets_us\",\"kind\":\"shopify\",\"url\":\""
                    + feed.base()
                    + "\",\"country_code\":\"US\",\"currency\":\"USD\",\"interval_minutes\":60}",
                null);
        assertThat(created1.status()).isEqualTo(201);
        assertThat(created1.body().at("/data/status").asText()).isEqualTo("active");
        assertThat(created1.body().at("/data/region").asText()).isEqualTo("us");
        call("POST", "/admin/sources", "{\"id\":\"acme_sg\",\"kind\":\"push\"}", null);

        Reply trig = call("POST", "/admin/ingestion/trigger", "{\"sources\":[\"us_*\"]}", null);
        assertThat(trig.status()).isEqualTo(202);
        String runId = trig.body().at("/run_ids/0").asText();
        assertThat(runId).isNotBlank();
        assertThat(call("POST", "/admin/ingestion/trigger", "{}", null).status()).isEqualTo(400);
        assertThat(
                call("POST", "/admin/ingestion/trigger", "{\"sources\":[\"nope_*\"]}", null)
                    .status())
            .isEqualTo(404);
        rt.newWorker("t").runOnce();

        Reply runs = call("GET", "/admin/ingestion/runs?source=gadgets_us", null, null);
        assertThat(runs.body().at("/data/0/id").asText()).isEqualTo(runId);
        assertThat(runs.body().at("/data/0/status").asText()).isEqualTo("completed");
        assertThat(runs.body().at("/data/0/rows/inserted").asInt()).isEqualTo(30);
        assertThat(call("GET", "/admin/ingestion/runs?limit=0", null, null).status())
            .isEqualTo(400);

        Reply show = call("GET", "/admin/sources/gadgets_us", null, null);
        assertThat(show.body().at("/data/quality_score").asDouble()).isEqualTo(1.0);
        assertThat(show.body().at("/data/stale_share").asDouble()).isEqualTo(0.0);
        assertThat(show.body().at("/data/error_rate").asDouble()).isEqualTo(0.0);
        assertThat(show.body().at("/data/last_run/id").asText()).isEqualTo(runId);
        assertThat(show.body().get("data").has("paused_reason")).isTrue();
        assertThat(call("GET", "/admin/sources/missing_us", null, null).status()).isEqualTo(404);

        Reply paused =
            call(
                "POST",
                "/admin/ingestion/pause",
                "{\"sources\":[\"us_*\"],\"reason\":\"launch freeze\"}",
                null);
        assertThat(paused.body().at("/data/sources/0").asText()).isEqualTo("gadgets_us");
        Reply list = call("GET", "/admin/sources", null, null);
        assertThat(list.body().get("data")).hasSize(2);
        assertThat(list.body().at("/data/1/status").asText()).isEqualTo("paused");
        assertThat(list.body().at("/data/1/paused_reason").asText()).isEqualTo("launch freeze");
        assertThat(
                call("POST", "/admin/ingestion/resume", "{\"sources\":[\"*_us\"]}", null).status())
            .isEqualTo(200);
        assertThat(
                call("POST", "/admin/ingestion/stop", "{\"sources\":[\"gadgets_us\"]}", null)
                    .status())
            .isEqualTo(200);
        assertThat(rt.sources().find("gadgets_us").orElseThrow().paused()).isTrue();

        String push =
            "{\"source\":\"acme_sg\",\"products\":[{\"sku\":\"A1\",\"title\":\"Tiger Balm 30g\",\"price\":5.9,"
                + "\"url\":\"https://acme.sg/a1\",\"availability\":\"in stock\"},"
                + "{\"sku\":\"A2\",\"title\":\"\",\"price\":\"abc\",\"url\":\"ftp://x\"}, 7]}";
        assertThat(call("POST", "/v1/ingest/products", push, null).status()).isEqualTo(401);
        assertThat(call("POST", "/v1/ingest/products", push, "Bearer wrong").status())
            .isEqualTo(403);
        Reply pushed = call("POST", "/v1/ingest/products", push, "Bearer s3cret");
        assertThat(pushed.status()).isEqualTo(200);
        assertThat(pushed.body().at("/counts/inserted").asInt()).isEqualTo(1);
        assertThat(pushed.body().at("/counts/rejected").asInt()).isEqualTo(2);
        assertThat(pushed.body().at("/results/0/status").asText()).isEqualTo("accepted");
        assertThat(pushed.body().at("/results/0/id").asText()).isNotBlank();
        assertThat(pushed.body().at("/results/1/errors").toString())
            .contains("missing_title", "missing_price", "invalid_url");
        String currency =
            db.jdbi()
                .withHandle(
                    h ->
                        h.createQuery("SELECT currency FROM products WHERE sku = 'A1'")
                            .mapTo(String.class)
                            .one());
        assertThat(currency).isEqualTo("SGD");
        StringBuilder many = new StringBuilder("{\"source\":\"acme_sg\",\"products\":[");
        for (int i = 0; i < 1001; i++) {
          many.append(i == 0 ? "" : ",").append("{}");
        }
        many.append("]}");
        assertThat(call("POST", "/v1/ingest/products", many.toString(), "Bearer s3cret").status())
            .isEqualTo(413);
        assertThat(
                call(
                        "POST",
                        "/v1/ingest/products",
                        "{\"source\":\"zz_us\",\"products\":[{}]}",
                        "Bearer s3cret")
                    .status())
            .isEqualTo(404);
      } finally {
        app.stop();
      }
    }
  }
}
