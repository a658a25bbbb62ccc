package ai.buywhere.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.buywhere.api.ApiJson;
import ai.buywhere.api.ApiServer;
import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Auth, rate limits, the feature flag, concurrency and shutdown of MCP over HTTP. */
class McpHttpGuardTest {
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
          + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

  @Test
  void authFlagConcurrencyAndCleanShutdown() throws Exception {
    Set<Thread> before = nonDaemonThreads();
    try (McpFixture fx = new McpFixture()) {
      unauthorizedIs401WithWwwAuthenticate(fx);
      rateLimitIs429WithRetryAfter(fx);
      fiftyParallelSessionsSearchCorrectly(fx);
      flagOffAnswers404(fx);
    }
    // the SDK's session sweeper and every other thread the server started are gone
    Awaitility.await()
        .pollInSameThread()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(
                        nonDaemonThreads().stream()
                            .filter(t -> !before.contains(t))
                            .map(Thread::getName)
                            .toList())
                    .isEmpty());
  }

  void unauthorizedIs401WithWwwAuthenticate(McpFixture fx) throws Exception {
    for (String auth : new String[] {null, "Bearer bw_free_00000000000000000000000000000000"}) {
      HttpResponse<String> r = post(fx, auth, INITIALIZE);
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
      JsonNode body = ApiJson.mapper().readTree(r.body());
      assertThat(body.at("/error/data/code").asText()).isEqualTo("unauthorized");
      assertThat(body.at("/error/message").asText()).isNotBlank();
    }
    McpSyncClient bad = fx.client("bw_free_00000000000000000000000000000000");
    assertThatThrownBy(bad::initialize).isNotNull();
    bad.close();
  }

  void rateLimitIs429WithRetryAfter(McpFixture fx) throws Exception {
    for (int i = 0; i < McpFixture.FREE_RPM; i++) {
      HttpResponse<String> ok = post(fx, "Bearer " + fx.limitedKey, INITIALIZE);
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.headers().firstValue("X-RateLimit-Remaining")).isPresent();
    }
    HttpResponse<String> limited = post(fx, "Bearer " + fx.limitedKey, INITIALIZE);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    assertThat(limited.headers().firstValue("X-RateLimit-Limit")).isPresent();
    assertThat(ApiJson.mapper().readTree(limited.body()).at("/error/data/code").asText())
        .isEqualTo("rate_limited");
    // REST shares the budget: the key is spent there too
    HttpResponse<String> rest =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(fx.url() + "/v1/products/search?q=sony"))
                .header("Authorization", "Bearer " + fx.limitedKey)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(rest.statusCode()).isEqualTo(429);
  }

  void fiftyParallelSessionsSearchCorrectly(McpFixture fx) throws Exception {
    Map<String, String> queries =
        Map.of("kettle", fx.ids.get("kettle-fp"), "bose", fx.ids.get("bose-sh"));
    ExecutorService pool = Executors.newFixedThreadPool(50);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        String q = i % 2 == 0 ? "kettle" : "bose";
        results.add(
            pool.submit(
                () -> {
                  McpSyncClient c = fx.client(fx.key);
                  try {
                    c.initialize();
                    for (int round = 0; round < 3; round++) {
                      CallToolResult r =
                          c.callTool(
                              new CallToolRequest(
                                  "search_products", Map.of("q", q, "country_code", "SG")));
                      JsonNode s = ApiJson.mapper().valueToTree(r.structuredContent());
                      if (s.get("data").size() != 1
                          || !s.at("/data/0/id").asText().equals(queries.get(q))) {
                        return false;
                      }
                    }
                    return true;
                  } finally {
                    c.closeGracefully();
                  }
                }));
      }
      for (Future<Boolean> f : results) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  void flagOffAnswers404(McpFixture fx) throws Exception {
    AtomicBoolean flag = new AtomicBoolean(false);
    McpHttpModule module =
        new McpHttpModule(
            new LocalCatalogBackend(fx.app.catalogQueries()),
            fx.app.auth().authenticator(),
            flag::get);
    ApiServer server = new ApiServer(ApiServer.Options.of("127.0.0.1", 0), List.of(module));
    try {
      server.start();
      String url = "http://127.0.0.1:" + server.port();
      assertThat(postTo(url, "Bearer " + fx.key, INITIALIZE).statusCode()).isEqualTo(404);
      assertThat(getStatus(url + McpHttpModule.HEALTH_PATH)).isEqualTo(404);
      flag.set(true);
      assertThat(postTo(url, "Bearer " + fx.key, INITIALIZE).statusCode()).isEqualTo(200);
      assertThat(getStatus(url + McpHttpModule.HEALTH_PATH)).isEqualTo(200);
    } finally {
      server.stop();
      module.close();
    }
  }

  static HttpResponse<String> post(McpFixture fx, String auth, String body) throws Exception {
    return postTo(fx.url(), auth, body);
  }

  static HttpResponse<String> postTo(String url, String auth, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url + "/mcp"))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (auth != null) {
      b.header("Authorization", auth);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static int getStatus(String url) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  static Set<Thread> nonDaemonThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !t.isDaemon())
        .collect(Collectors.toSet());
  }
}
