package ai.buywhere.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.api.ApiServer;
import ai.buywhere.app.Application;
import ai.buywhere.app.Settings;
import ai.buywhere.auth.NewKey;
import ai.buywhere.auth.Role;
import ai.buywhere.auth.Tier;
import ai.buywhere.catalog.ProductInput;
import ai.buywhere.store.TestDatabases;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real application on a temp SQLite data dir with a small catalog written through the catalog
 * writer, the real API server on port 0 (with {@code /mcp}), a partner key without limits and a
 * free key limited to {@link #FREE_RPM} requests a minute.
 */
final class McpFixture implements AutoCloseable {
  static final int FREE_RPM = 3;

  final Path dataDir;
  final TestDatabases.Created database;
  final Application app;
  final ApiServer server;
  final String key;
  final String limitedKey;
  final Map<String, String> ids = new HashMap<>();

  McpFixture() throws Exception {
    dataDir = Files.createTempDirectory("bw-mcp-test");
    database = TestDatabases.sqlite(dataDir);
    Map<String, String> env = new HashMap<>();
    env.put("DATA_DIR", dataDir.toString());
    env.put("RATE_LIMIT_PARTNER_RPM", "0");
    env.put("RATE_LIMIT_PARTNER_DAILY", "0");
    env.put("RATE_LIMIT_FREE_RPM", String.valueOf(FREE_RPM));
    app = Application.open(Settings.of(env, Map.of()));
    List<ProductInput> products = products();
    List<String> written = app.catalogWriter().write(products).ids();
    for (int i = 0; i < products.size(); i++) {
      ids.put(products.get(i).sku(), written.get(i));
    }
    assertThat(app.search().awaitSeq(app.catalog().currentSeq(), Duration.ofSeconds(10))).isTrue();
    key = app.auth().keys().create(NewKey.of("mcp-test", Tier.PARTNER, Role.AGENT)).secret();
    limitedKey = app.auth().keys().create(NewKey.of("mcp-free", Tier.FREE, Role.AGENT)).secret();
    server = app.apiServer("127.0.0.1", 0).start();
  }

  String url() {
    return "http://127.0.0.1:" + server.port();
  }

  McpSyncClient client(String bearer) {
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder(url())
            .endpoint("/mcp")
            .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + bearer))
            .build();
    return McpClient.sync(transport)
        .requestTimeout(Duration.ofSeconds(20))
        .jsonSchemaValidator(new OutputSchemaValidator())
        .build();
  }

  static List<ProductInput> products() {
    return List.of(
        product("sony-lz", "lazada", "SG", "SGD", "Sony WH-1000XM5 Wireless Headphones", "549")
            .brand("Sony")
            .originalPrice(new BigDecimal("649"))
            .gtin("4548736132610")
            .model("WH-1000XM5")
            .categoryPath(List.of("Electronics", "Audio", "Headphones"))
            .build(),
        product("sony-sh", "shopee", "SG", "SGD", "Sony WH-1000XM5 Headphones Black", "529")
            .brand("Sony")
            .gtin("4548736132610")
            .model("WH-1000XM5")
            .categoryPath(List.of("Electronics", "Audio", "Headphones"))
            .build(),
        product("bose-sh", "shopee", "SG", "SGD", "Bose QuietComfort Ultra Headphones", "599")
            .brand("Bose")
            .originalPrice(new BigDecimal("699"))
            .categoryPath(List.of("Electronics", "Audio", "Headphones"))
            .build(),
        product("kettle-fp", "fairprice", "SG", "SGD", "Philips Electric Kettle 1.7L", "39.90")
            .brand("Philips")
            .categoryPath(List.of("Home", "Kitchen"))
            .build(),
        product("sony-amz", "amazon", "US", "USD", "Sony WH-1000XM5 Wireless Headphones", "399")
            .brand("Sony")
            .originalPrice(new BigDecimal("449"))
            .gtin("4548736132610")
            .categoryPath(List.of("Electronics", "Audio", "Headphones"))
            .build());
  }

  private static ProductInput.Builder product(
      String sku, String source, String cc, String currency, String title, String price) {
    return ProductInput.builder(sku, source)
        .domain(source)
        .merchantId(source + "-" + cc.toLowerCase())
        .countryCode(cc)
        .currency(currency)
        .title(title)
        .price(price)
        .url("https://" + source + ".example/" + sku);
  }

  @Override
  public void close() throws Exception {
    server.stop();
    app.close();
    database.close();
  }
}
