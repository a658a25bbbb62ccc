package ai.buywhere.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.buywhere.api.ApiJson;
import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code buywhere mcp} as agents start it: a separate JVM spoken to over stdin/stdout by the SDK's
 * Java client, on the data dir of a running server (read-only index beside the writer), and as a
 * proxy to that server's REST API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpStdioTest {
  McpFixture fx;
  McpSyncClient http;

  @BeforeAll
  void start() throws Exception {
    fx = new McpFixture();
    http = fx.client(fx.key);
    http.initialize();
  }

  @AfterAll
  void stop() throws Exception {
    if (http != null) {
      http.closeGracefully();
    }
    if (fx != null) {
      fx.close();
    }
  }

  @Test
  void localCatalogBesideARunningServer() {
    assertSameAnswersAsHttp(stdio(List.of("mcp", "--data-dir", fx.dataDir.toString()), Map.of()));
  }

  @Test
  void proxiesToARemoteApiWithTheKeyFromTheEnvironment() {
    assertSameAnswersAsHttp(
        stdio(List.of("mcp", "--api-url", fx.url()), Map.of("BUYWHERE_API_KEY", fx.key)));
  }

  @Test
  void proxyWithoutAKeyReportsTheRemote401AsAToolError() {
    McpSyncClient client = stdio(List.of("mcp", "--api-url", fx.url()), Map.of());
    try {
      client.initialize();
      CallToolResult r =
          client.callTool(new CallToolRequest("search_products", Map.of("q", "sony")));
      assertThat(r.isError()).isTrue();
      assertThat(((TextContent) r.content().get(0)).text()).contains("unauthorized");
    } finally {
      client.closeGracefully();
    }
  }

  private void assertSameAnswersAsHttp(McpSyncClient client) {
    try {
      client.initialize();
      assertThat(client.listTools().tools()).hasSize(8);
      for (Map<String, Object> args :
          List.<Map<String, Object>>of(
              Map.of("q", "sony headphones", "country_code", "SG"),
              Map.of("q", "kettle", "compact", true))) {
        assertThat(withoutTiming(call(client, "search_products", args)))
            .isEqualTo(withoutTiming(call(http, "search_products", args)));
      }
      String sony = fx.ids.get("sony-lz");
      assertThat(call(client, "get_product", Map.of("id", sony)))
          .isEqualTo(call(http, "get_product", Map.of("id", sony)));
      assertThat(
              call(client, "find_best_price", Map.of("product_name", "Sony WH-1000XM5"))
                  .at("/data/offer_count"))
          .isEqualTo(
              call(http, "find_best_price", Map.of("product_name", "Sony WH-1000XM5"))
                  .at("/data/offer_count"));
      assertThatThrownBy(
              () ->
                  client.callTool(
                      new CallToolRequest("get_price_history", Map.of("id", sony, "days", 0))))
          .isInstanceOf(McpError.class)
          .hasMessageContaining("'days'");
      CallToolResult missing =
          client.callTool(
              new CallToolRequest(
                  "find_similar", Map.of("id", "00000000-0000-4000-8000-000000000000")));
      assertThat(missing.isError()).isTrue();
    } finally {
      client.closeGracefully();
    }
  }

  private McpSyncClient stdio(List<String> args, Map<String, String> env) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> all = new ArrayList<>();
    all.add("-cp");
    all.add(System.getProperty("java.class.path"));
    all.add("ai.buywhere.app.Main");
    all.addAll(args);
    ServerParameters.Builder params = ServerParameters.builder(java).args(all);
    env.forEach(params::addEnvVar);
    StdioClientTransport transport =
        new StdioClientTransport(params.build(), McpServers.jsonMapper());
    return McpClient.sync(transport)
        .requestTimeout(Duration.ofSeconds(30))
        .jsonSchemaValidator(new OutputSchemaValidator())
        .initializationTimeout(Duration.ofSeconds(60))
        .build();
  }

  static JsonNode call(McpSyncClient client, String tool, Map<String, Object> args) {
    CallToolResult r = client.callTool(new CallToolRequest(tool, args));
    assertThat(r.isError()).as(tool + " " + r.content()).isNotEqualTo(Boolean.TRUE);
    return ApiJson.mapper().valueToTree(r.structuredContent());
  }

  static JsonNode withoutTiming(JsonNode n) {
    return McpHttpTest.withoutTiming(n);
  }
}
