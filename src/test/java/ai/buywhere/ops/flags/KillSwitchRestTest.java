package ai.buywhere.ops.flags;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.api.ApiServer;
import ai.buywhere.app.Application;
import ai.buywhere.app.Settings;
import ai.buywhere.catalog.ProductInput;
import ai.buywhere.shared.Json;
import ai.buywhere.store.Dialect;
import ai.buywhere.store.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The runbook's US rollback end to end over the real application graph and {@link ApiServer}:
 * {@code PATCH /admin/features {"us_market_enabled": false}} makes US products vanish from search,
 * deals, compare, similar, categories, best-price and direct reads from the next request on, and
 * setting it back restores them without a reindex.
 */
class KillSwitchRestTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String ADMIN_TOKEN = "kill-switch-test-admin-token-0123456789";
  @TempDir Path dir;
  private int port;

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void usRollbackHidesTheMarketEverywhereAndRestoresIt(Dialect dialect) throws Exception {
    try (TestDatabases.Created db = TestDatabases.create(dialect, dir)) {
      Map<String, String> env = new HashMap<>();
      env.put("DATA_DIR", dir.toString());
      env.put("DEFAULT_COUNTRY", "ALL");
      env.put("ADMIN_TOKEN", ADMIN_TOKEN);
      env.put("ANONYMOUS_ACCESS", "true");
      env.put("ANONYMOUS_RPM", "1000000");
      env.put("ANONYMOUS_DAILY", "1000000");
      if (dialect == Dialect.POSTGRESQL) {
        env.put("DATABASE_URL", db.config().jdbcUrl());
      }
      try (Application app = Application.open(Settings.of(env, Map.of()))) {
        var written =
            app.catalogWriter()
                .write(
                    List.of(
                        item("us-1", "US", "USD", "80.00"),
                        item("sg-1", "SG", "SGD", "100.00"),
                        item("sg-2", "SG", "SGD", "120.00")));
        assertThat(app.search().awaitSeq(written.lastSeq(), Duration.ofSeconds(10))).isTrue();
        String us = written.ids().get(0);
        String sg = written.ids().get(1);
        try (ApiServer server = app.apiServer("127.0.0.1", 0).start()) {
          port = server.port();
          assertVisible(us, sg, true);

          var off =
              send(
                  "PATCH", "/admin/features", "{\"us_market_enabled\": false, \"reason\": \"R5\"}");
          assertThat(off.status()).isEqualTo(200);
          assertThat(off.body().get("hidden_countries").toString()).isEqualTo("[\"US\"]");
          assertVisible(us, sg, false);
          var direct = send("GET", "/v1/products/" + us, null);
          assertThat(direct.status()).isEqualTo(404);
          assertThat(direct.body().get("error").get("message").asText()).contains(us);
          assertThat(app.marketSwitch().isIngestionAllowed("US")).isFalse();
          assertThat(send("GET", "/admin/feature-flags/us_market_enabled", null).body().toString())
              .isEqualTo(
                  "{\"flag\":\"us_market_enabled\",\"enabled\":false,\"source\":\"override\"}");

          var on = send("PATCH", "/admin/features", "{\"us_market_enabled\": true}");
          assertThat(on.status()).isEqualTo(200);
          assertVisible(us, sg, true);
          assertThat(
                  send("GET", "/admin/feature-flags/history/all?flag=us_market_enabled", null)
                      .body()
                      .get("count")
                      .asInt())
              .isEqualTo(2);

          // the gated experimental endpoint is part of the real server too
          assertThat(send("GET", "/v1/experimental/scraper/status", null).status()).isEqualTo(404);
        }
      }
    }
  }

  private void assertVisible(String us, String sg, boolean usVisible) throws Exception {
    List<String> both = usVisible ? List.of("US", "SG", "SG") : List.of("SG", "SG");
    assertThat(countries(send("GET", "/v1/products/search?q=acme&limit=50", null).body()))
        .containsExactlyInAnyOrderElementsOf(both);
    assertThat(countries(send("GET", "/v1/products/deals?limit=50", null).body()))
        .containsExactlyInAnyOrderElementsOf(both);
    var compare = send("GET", "/v1/products/compare?ids=" + us + "," + sg, null).body();
    assertThat(countries(compare))
        .containsExactlyInAnyOrderElementsOf(usVisible ? List.of("US", "SG") : List.of("SG"));
    assertThat(countries(send("GET", "/v1/products/" + sg + "/similar?limit=10", null).body()))
        .matches(cs -> cs.contains("US") == usVisible, "US similar iff visible");
    JsonNode cats = send("GET", "/v1/categories", null).body().get("data");
    assertThat(cats.get(0).get("product_count").asLong()).isEqualTo(usVisible ? 3 : 2);
    JsonNode best = send("GET", "/v1/products/best-price?q=acme%20headphones", null).body();
    assertThat(best.toString().contains("\"US\"")).isEqualTo(usVisible);
    assertThat(send("GET", "/v1/products/" + us, null).status()).isEqualTo(usVisible ? 200 : 404);
  }

  private static List<String> countries(JsonNode page) {
    List<String> out = new ArrayList<>();
    if (page == null || page.get("data") == null) {
      throw new AssertionError("no data in " + page);
    }
    page.get("data").forEach(p -> out.add(p.get("country_code").asText()));
    return out;
  }

  private static ProductInput item(String sku, String cc, String currency, String price) {
    return ProductInput.builder(sku, "test-" + cc.toLowerCase())
        .title("Acme wireless headphones " + sku)
        .brand("Acme")
        .price(price)
        .originalPrice(new BigDecimal(price).multiply(new BigDecimal("2")))
        .currency(currency)
        .countryCode(cc)
        .domain(cc.toLowerCase() + ".shop.example")
        .url("https://" + cc.toLowerCase() + ".shop.example/" + sku)
        .categoryPath(List.of("Electronics", "Audio"))
        .build();
  }

  record Response(int status, JsonNode body) {}

  private Response send(String method, String path, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (path.startsWith("/admin")) {
      b.header("Authorization", "Bearer " + ADMIN_TOKEN);
    }
    HttpRequest req =
        b.method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .build();
    HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    return new Response(
        r.statusCode(), r.body().isEmpty() ? null : Json.mapper().readTree(r.body()));
  }
}
