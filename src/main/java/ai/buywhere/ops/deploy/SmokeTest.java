package ai.buywhere.ops.deploy;

import ai.buywhere.shared.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pre-deploy smoke test (R40): the critical user journeys of an agent against a deployment,
 * each response's JSON checked against the deployment's own OpenAPI document, with timings.
 * Journeys: OpenAPI document, register (unless a key is given), search, product detail, compare,
 * deals, prices, categories, MCP initialize and one tool call. A step that cannot run because an
 * earlier one failed is reported as skipped, and the test fails.
 */
final class SmokeTest {
  /** One journey step's outcome. */
  record Step(String name, String status, long millis, String detail) {
    boolean failed() {
      return !status.equals("pass");
    }
  }

  private final ApiClient api;
  private final String apiKey;
  private final String query;
  private final List<Step> steps = new ArrayList<>();
  private OpenApiResponseValidator validator;

  SmokeTest(ApiClient api, String apiKey, String query) {
    this.api = api;
    this.apiKey = apiKey;
    this.query = query;
  }

  List<Step> run() throws InterruptedException {
    steps.clear();
    JsonNode spec =
        step("openapi document", () -> expect(api.get("/openapi.json"), 200, null, null).json());
    validator = spec == null ? null : new OpenApiResponseValidator(spec);
    if (apiKey != null) {
      api.bearer(apiKey);
      steps.add(new Step("register", "pass", 0, "using the given API key"));
    } else {
      JsonNode key =
          step(
              "register",
              () ->
                  expect(
                          api.post(
                              "/v1/auth/register",
                              Map.of(
                                  "agent_name",
                                  "buywhere-smoke-test",
                                  "use_case",
                                  "pre-deploy smoke test"),
                              Map.of()),
                          201,
                          "POST",
                          "/v1/auth/register")
                      .json());
      if (key != null && key.hasNonNull("api_key")) {
        api.bearer(key.get("api_key").asText());
      }
    }
    String q = URLEncoder.encode(query, StandardCharsets.UTF_8);
    JsonNode search =
        step(
            "search",
            () ->
                nonEmpty(
                    expect(
                            api.get("/v1/products/search?q=" + q + "&limit=5"),
                            200,
                            "GET",
                            "/v1/products/search")
                        .json()));
    List<String> ids = new ArrayList<>();
    if (search != null) {
      search.path("data").forEach(p -> ids.add(p.path("id").asText()));
    }
    JsonNode deals =
        step(
            "deals",
            () ->
                expect(
                        api.get("/v1/products/deals?min_discount=1&limit=5"),
                        200,
                        "GET",
                        "/v1/products/deals")
                    .json());
    if (ids.size() < 2 && deals != null) {
      deals
          .path("data")
          .forEach(
              p -> {
                if (ids.size() < 2 && !ids.contains(p.path("id").asText()))
                  ids.add(p.path("id").asText());
              });
    }
    String id = ids.isEmpty() ? null : ids.get(0);
    requires(
        id != null,
        "product detail",
        () -> expect(api.get("/v1/products/" + id), 200, "GET", "/v1/products/" + id).json());
    requires(
        ids.size() >= 2,
        "compare",
        () ->
            expect(
                    api.get("/v1/products/compare?ids=" + ids.get(0) + "," + ids.get(1)),
                    200,
                    "GET",
                    "/v1/products/compare")
                .json());
    requires(
        id != null,
        "prices",
        () ->
            expect(
                    api.get("/v1/products/" + id + "/prices?days=30"),
                    200,
                    "GET",
                    "/v1/products/" + id + "/prices")
                .json());
    step(
        "categories", () -> expect(api.get("/v1/categories"), 200, "GET", "/v1/categories").json());
    step("mcp initialize + search_products", this::mcp);
    return List.copyOf(steps);
  }

  private interface Call {
    JsonNode run() throws IOException, InterruptedException, SmokeFailure;
  }

  private static final class SmokeFailure extends Exception {
    SmokeFailure(String m) {
      super(m);
    }
  }

  private JsonNode step(String name, Call call) throws InterruptedException {
    long start = System.nanoTime();
    try {
      JsonNode r = call.run();
      steps.add(new Step(name, "pass", ms(start), ""));
      return r;
    } catch (SmokeFailure e) {
      steps.add(new Step(name, "fail", ms(start), e.getMessage()));
    } catch (IOException e) {
      steps.add(new Step(name, "fail", ms(start), "unreachable: " + e));
    }
    return null;
  }

  private void requires(boolean possible, String name, Call call) throws InterruptedException {
    if (possible) {
      step(name, call);
    } else {
      steps.add(new Step(name, "skipped", 0, "no product ids from search/deals"));
    }
  }

  private static long ms(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private ApiClient.Reply expect(ApiClient.Reply r, int status, String method, String path)
      throws SmokeFailure {
    if (r.status() != status) {
      throw new SmokeFailure(
          "HTTP " + r.status() + " (expected " + status + "): " + abbreviate(r.body()));
    }
    if (r.json() == null) {
      throw new SmokeFailure("response is not JSON");
    }
    if (method != null && validator != null) {
      List<String> problems = validator.validate(method, path, status, r.json());
      if (!problems.isEmpty()) {
        throw new SmokeFailure(
            "response does not match the OpenAPI document: " + String.join("; ", problems));
      }
    }
    return r;
  }

  private static JsonNode nonEmpty(JsonNode list) throws SmokeFailure {
    if (list.path("data").size() == 0) {
      throw new SmokeFailure("no results: the catalog looks empty for this query (use --query)");
    }
    return list;
  }

  private JsonNode mcp() throws IOException, InterruptedException, SmokeFailure {
    Map<String, String> headers =
        new java.util.HashMap<>(Map.of("Accept", "application/json, text/event-stream"));
    ApiClient.Reply init =
        api.post(
            "/mcp",
            Map.of(
                "jsonrpc",
                "2.0",
                "id",
                1,
                "method",
                "initialize",
                "params",
                Map.of(
                    "protocolVersion",
                    "2025-06-18",
                    "capabilities",
                    Map.of(),
                    "clientInfo",
                    Map.of("name", "buywhere-smoke-test", "version", "1"))),
            headers);
    JsonNode initResult = rpcResult(init);
    init.raw()
        .headers()
        .firstValue("Mcp-Session-Id")
        .ifPresent(s -> headers.put("Mcp-Session-Id", s));
    String version = initResult.path("protocolVersion").asText("2025-06-18");
    headers.put("MCP-Protocol-Version", version);
    api.post("/mcp", Map.of("jsonrpc", "2.0", "method", "notifications/initialized"), headers);
    ApiClient.Reply call =
        api.post(
            "/mcp",
            Map.of(
                "jsonrpc",
                "2.0",
                "id",
                2,
                "method",
                "tools/call",
                "params",
                Map.of("name", "search_products", "arguments", Map.of("q", query, "limit", 3))),
            headers);
    JsonNode result = rpcResult(call);
    if (result.path("isError").asBoolean(false)) {
      throw new SmokeFailure("search_products returned an error: " + abbreviate(result.toString()));
    }
    return result;
  }

  /** The JSON-RPC result of a reply that is plain JSON or an SSE stream of JSON events. */
  private static JsonNode rpcResult(ApiClient.Reply r) throws SmokeFailure, IOException {
    if (r.status() != 200) {
      throw new SmokeFailure("MCP HTTP " + r.status() + ": " + abbreviate(r.body()));
    }
    JsonNode msg = r.json();
    if (msg == null) {
      for (String line : r.body().split("\n")) {
        if (line.startsWith("data:")) {
          JsonNode candidate = Json.mapper().readTree(line.substring(5).strip());
          if (candidate.has("result") || candidate.has("error")) {
            msg = candidate;
          }
        }
      }
    }
    if (msg == null) {
      throw new SmokeFailure("MCP reply is neither JSON nor an event stream");
    }
    if (msg.has("error")) {
      throw new SmokeFailure("MCP error: " + msg.get("error"));
    }
    return msg.path("result");
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
