package ai.buywhere.app;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.api.ApiServer;
import ai.buywhere.catalog.ProductInput;
import ai.buywhere.store.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two API nodes on one PostgreSQL database, each with its own Lucene index in its own data dir (the
 * production shape): a write made through one node's catalog is found by a search on the other
 * node's HTTP API, through the change sequence alone.
 */
class TwoNodesOnePostgresTest {
  @TempDir Path dir;

  private static Application node(Path dataDir, String url) {
    Map<String, String> env = new HashMap<>();
    env.put("DATA_DIR", dataDir.toString());
    env.put("DATABASE_URL", url);
    env.put("DEFAULT_COUNTRY", "ALL");
    env.put("ANONYMOUS_ACCESS", "true");
    env.put("ALERT_EVALUATION_INTERVAL_S", "0");
    return Application.open(Settings.of(env, Map.of()));
  }

  @Test
  void aWriteOnOneNodeIsSearchableOnTheOther() throws Exception {
    try (TestDatabases.Created db = TestDatabases.postgres();
        Application a = node(dir.resolve("a"), db.config().jdbcUrl());
        Application b = node(dir.resolve("b"), db.config().jdbcUrl());
        ApiServer serverB = b.apiServer("127.0.0.1", 0).start()) {
      a.catalogWriter()
          .write(
              List.of(
                  ProductInput.builder("zx-9000", "node_a_us")
                      .title("Quasar ZX-9000 Espresso Grinder")
                      .brand("Quasar")
                      .price("219.00")
                      .currency("USD")
                      .countryCode("US")
                      .build()));
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest search =
          HttpRequest.newBuilder(
                  URI.create("http://127.0.0.1:" + serverB.port() + "/v1/products/search?q=zx9000"))
              .build();
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(http.send(search, HttpResponse.BodyHandlers.ofString()).body())
                      .contains("Quasar ZX-9000 Espresso Grinder"));
    }
  }
}
