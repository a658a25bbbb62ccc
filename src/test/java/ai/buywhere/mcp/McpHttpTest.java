package ai.buywhere.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.buywhere.api.ApiJson;
import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The SDK's own Java client against {@code /mcp} on the real server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpHttpTest {
  static final HttpClient HTTP = HttpClient.newHttpClient();
  McpFixture fx;
  McpSyncClient client;

  @BeforeAll
  void start() throws Exception {
    fx = new McpFixture();
    client = fx.client(fx.key);
    client.initialize();
  }

  @AfterAll
  void stop() throws Exception {
    if (client != null) {
      client.closeGracefully();
    }
    if (fx != null) {
      fx.close();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void listsTheEightToolsWithSchemasAndAnnotations() {
    List<McpSchema.Tool> tools = client.listTools().tools();
    assertThat(tools)
        .extracting(McpSchema.Tool::name)
        .containsExactlyInAnyOrderElementsOf(ToolCatalog.NAMES);
    for (McpSchema.Tool t : tools) {
      assertThat(t.description()).hasSizeGreaterThan(40);
      assertThat(t.outputSchema()).containsKey("type");
      assertThat(t.annotations().readOnlyHint()).isTrue();
      assertThat(t.annotations().idempotentHint()).isTrue();
    }
    McpSchema.Tool search =
        tools.stream().filter(t -> t.name().equals("search_products")).findFirst().orElseThrow();
    assertThat((List<Object>) search.inputSchema().get("required")).containsExactly("q");
    assertThat((Map<String, Object>) search.inputSchema().get("properties"))
        .containsKeys(
            "q",
            "domain",
            "region",
            "country_code",
            "category",
            "brand",
            "min_price",
            "max_price",
            "currency",
            "sort",
            "limit",
            "offset",
            "compact");
  }

  @Test
  void searchReturnsTheRestShapeAsStructuredContentAndText() throws Exception {
    CallToolResult r =
        client.callTool(
            new CallToolRequest(
                "search_products", Map.of("q", "sony headphones", "country_code", "SG")));
    assertThat(r.isError()).isNotEqualTo(Boolean.TRUE);
    JsonNode structured = ApiJson.mapper().valueToTree(r.structuredContent());
    JsonNode text = ApiJson.mapper().readTree(((TextContent) r.content().get(0)).text());
    assertThat(text).isEqualTo(structured);
    assertThat(structured.get("data")).hasSize(2);
    assertThat(structured.at("/meta/total").asInt()).isEqualTo(2);

    JsonNode rest =
        ApiJson.mapper()
            .readTree(
                get("/v1/products/search?q=sony%20headphones&country_code=SG", fx.key).body());
    assertThat(withoutTiming(structured)).isEqualTo(withoutTiming(rest));
  }

  @Test
  void everyToolAnswers() {
    String sony = fx.ids.get("sony-lz");
    String bose = fx.ids.get("bose-sh");
    assertThat(call("get_product", Map.of("id", sony)).get("title").asText()).contains("Sony");
    assertThat(call("compare_products", Map.of("ids", List.of(sony, bose))).get("data")).hasSize(2);
    assertThat(call("get_deals", Map.of("country_code", "SG")).get("data")).isNotEmpty();
    assertThat(call("list_categories", Map.of("country_code", "SG")).get("data")).isNotEmpty();
    JsonNode best = call("find_best_price", Map.of("product_name", "Sony WH-1000XM5"));
    assertThat(best.at("/data/offer_count").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(call("get_price_history", Map.of("id", sony, "days", 7)).get("days").asInt())
        .isEqualTo(7);
    assertThat(call("find_similar", Map.of("id", sony, "limit", 3)).get("data")).isNotEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void findBestPriceTakesACategory() {
    JsonNode best =
        call(
            "find_best_price",
            Map.of(
                "product_name",
                "Sony WH-1000XM5",
                "category",
                "electronics-audio",
                "country_code",
                "SG"));
    assertThat(best.at("/data/best_offer/sku").asText()).isEqualTo("sony-sh");
    assertThat(best.at("/data/offer_count").asInt()).isEqualTo(2);

    CallToolResult none =
        client.callTool(
            new CallToolRequest(
                "find_best_price",
                Map.of("product_name", "Sony WH-1000XM5", "category", "home-kitchen")));
    assertThat(none.isError()).isTrue();
    assertThat(((TextContent) none.content().get(0)).text()).contains("not_found");

    assertThatThrownBy(
            () ->
                client.callTool(
                    new CallToolRequest(
                        "find_best_price",
                        Map.of("product_name", "sony", "category", "Bad Slug!"))))
        .isInstanceOfSatisfying(
            McpError.class,
            e -> {
              assertThat(e.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS);
              assertThat(e.getMessage()).contains("'category'");
            });
    McpSchema.Tool tool =
        client.listTools().tools().stream()
            .filter(t -> t.name().equals("find_best_price"))
            .findFirst()
            .orElseThrow();
    assertThat((Map<String, Object>) tool.inputSchema().get("properties"))
        .containsKeys("product_name", "category");
  }

  @Test
  void badArgumentsAreInvalidParamsNamingTheArgument() {
    assertThatThrownBy(
            () ->
                client.callTool(
                    new CallToolRequest("search_products", Map.of("q", "x", "limit", 500))))
        .isInstanceOfSatisfying(
            McpError.class,
            e -> {
              assertThat(e.getJsonRpcError().code()).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS);
              assertThat(e.getMessage()).contains("'limit'");
            });
    assertThatThrownBy(() -> client.callTool(new CallToolRequest("search_products", Map.of())))
        .isInstanceOf(McpError.class)
        .hasMessageContaining("'q'");
    assertThatThrownBy(
            () -> client.callTool(new CallToolRequest("find_best_price", Map.of("q", "sony"))))
        .hasMessageContaining("'product_name'");
    assertThatThrownBy(
            () -> client.callTool(new CallToolRequest("get_product", Map.of("id", "nope"))))
        .hasMessageContaining("'id'");
  }

  @Test
  void missingProductIsAToolErrorNotAProtocolError() {
    CallToolResult r =
        client.callTool(
            new CallToolRequest(
                "get_product", Map.of("id", "00000000-0000-4000-8000-000000000000")));
    assertThat(r.isError()).isTrue();
    assertThat(((TextContent) r.content().get(0)).text())
        .contains("not_found")
        .contains("00000000-0000-4000-8000-000000000000")
        .doesNotContain("Exception");
  }

  @Test
  void catalogResourceAndPrompts() throws Exception {
    assertThat(client.listResourceTemplates().resourceTemplates())
        .extracting(McpSchema.ResourceTemplate::uriTemplate)
        .containsExactly("buywhere://catalog/{country}");
    McpSchema.ReadResourceResult r =
        client.readResource(new McpSchema.ReadResourceRequest("buywhere://catalog/SG"));
    JsonNode tree =
        ApiJson.mapper().readTree(((McpSchema.TextResourceContents) r.contents().get(0)).text());
    assertThat(tree.get("country_code").asText()).isEqualTo("SG");
    assertThat(tree.findValues("slug").stream().map(JsonNode::asText))
        .contains("electronics", "home");
    assertThat(client.listPrompts().prompts())
        .extracting(McpSchema.Prompt::name)
        .contains("find_cheapest_offer");
    McpSchema.GetPromptResult p =
        client.getPrompt(
            new McpSchema.GetPromptRequest("find_cheapest_offer", Map.of("product", "Kettle")));
    assertThat(((TextContent) p.messages().get(0).content()).text()).contains("find_best_price");
  }

  @Test
  void marketKillSwitchAndFeatureFlagApplyToMcp() throws Exception {
    Map<String, Object> args = Map.of("q", "sony wh-1000xm5", "country_code", "US");
    String us = fx.ids.get("sony-amz");
    assertThat(call("search_products", args).findValuesAsText("id")).containsExactly(us);
    var flags = fx.app.featureFlags();
    flags.setOverride("us_market_enabled", false, "mcp-test", "kill switch over MCP");
    try {
      assertThat(call("search_products", args).get("data")).isEmpty();
      CallToolResult hidden = client.callTool(new CallToolRequest("get_product", Map.of("id", us)));
      assertThat(hidden.isError()).isTrue();
    } finally {
      flags.clearOverride("us_market_enabled", "mcp-test", "restore");
    }
    assertThat(call("get_product", Map.of("id", us)).get("id").asText()).isEqualTo(us);

    flags.setOverride("feature_mcp_server", false, "mcp-test", "flag off");
    try {
      assertThat(get("/mcp/v1/health", null).statusCode()).isEqualTo(404);
      assertThat(McpHttpGuardTest.post(fx, "Bearer " + fx.key, McpHttpGuardTest.INITIALIZE))
          .extracting(HttpResponse::statusCode)
          .isEqualTo(404);
    } finally {
      flags.clearOverride("feature_mcp_server", "mcp-test", "restore");
    }
    assertThat(get("/mcp/v1/health", null).statusCode()).isEqualTo(200);
    assertThat(McpHttpGuardTest.post(fx, "Bearer " + fx.key, McpHttpGuardTest.INITIALIZE))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(200);
  }

  @Test
  void statelessClientsCallToolsWithoutASession() throws Exception {
    String call =
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":"
            + "\"get_product\",\"arguments\":{\"id\":\""
            + fx.ids.get("kettle-fp")
            + "\"}}}";
    HttpResponse<String> r = McpHttpGuardTest.post(fx, "Bearer " + fx.key, call);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Mcp-Session-Id")).isEmpty();
    JsonNode body = ApiJson.mapper().readTree(r.body());
    assertThat(body.at("/result/structuredContent/title").asText()).contains("Kettle");
    HttpResponse<String> list =
        McpHttpGuardTest.post(
            fx, "Bearer " + fx.key, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/list\"}");
    assertThat(ApiJson.mapper().readTree(list.body()).at("/result/tools")).hasSize(8);
  }

  @Test
  void transportErrorsCarryNoStackTrace() throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(fx.url() + "/mcp"))
                .header("Authorization", "Bearer " + fx.key)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("Mcp-Session-Id", "no-such-session")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isBetween(400, 499);
    assertThat(r.body()).doesNotContain("stackTrace", "at ");
  }

  @Test
  void mcpRequestsAreCountedInTheHttpMetricsOnceEach() throws Exception {
    client.listTools();
    HttpResponse<String> unauthorized =
        McpHttpGuardTest.post(
            fx, "Bearer nope", "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/list\"}");
    assertThat(unauthorized.statusCode()).isEqualTo(401);
    get("/v1/categories", fx.key);

    String metrics = get("/metrics", null).body();
    assertThat(metrics)
        .containsPattern(
            "http_requests_total\\{endpoint=\"/mcp\",method=\"POST\",status=\"200\"\\} [1-9]")
        .containsPattern(
            "http_requests_total\\{endpoint=\"/mcp\",method=\"POST\",status=\"401\"\\} [1-9]")
        .contains("http_request_duration_seconds_count{endpoint=\"/mcp\",method=\"POST\"}");
    // a request Javalin served is recorded by its handlers only, under its route template
    assertThat(metrics)
        .containsPattern(
            "http_requests_total\\{endpoint=\"/v1/categories\",method=\"GET\",status=\"200\"\\} 1\\.0")
        .doesNotContain("endpoint=\"\"", "endpoint=\"/v1\"");
  }

  @Test
  void healthIsJson() throws Exception {
    HttpResponse<String> r = get("/mcp/v1/health", null);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode h = ApiJson.mapper().readTree(r.body());
    assertThat(h.get("status").asText()).isEqualTo("ok");
    assertThat(h.get("tools").asInt()).isEqualTo(8);
    assertThat(h.get("protocol_versions")).isNotEmpty();
  }

  JsonNode call(String tool, Map<String, Object> args) {
    CallToolResult r = client.callTool(new CallToolRequest(tool, args));
    assertThat(r.isError()).as(tool + " " + r.content()).isNotEqualTo(Boolean.TRUE);
    return ApiJson.mapper().valueToTree(r.structuredContent());
  }

  HttpResponse<String> get(String path, String key) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fx.url() + path));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Without what depends on when and how often it was asked: the response time, and whether the
   * search result cache had the page already (the second of two equal searches is cached).
   */
  static JsonNode withoutTiming(JsonNode n) {
    JsonNode copy = n.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) copy.get("meta"))
        .remove(List.of("response_time_ms", "cached"));
    return copy;
  }
}
