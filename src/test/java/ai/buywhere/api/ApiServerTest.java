package ai.buywhere.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared pieces of {@link ApiServer}: envelope, request ids, CORS, body cap, 404/405/500. */
class ApiServerTest {
  record Echo(String someField, int countValue) {}

  static ApiServer server;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    RouteModule probe =
        config -> {
          config.routes.get("/probe/ok", ctx -> ctx.json(new Echo("x", 2)));
          config.routes.get(
              "/probe/limited",
              ctx -> {
                throw new ApiException(
                    ErrorCode.RATE_LIMITED, "slow down", Map.of("Retry-After", "7"));
              });
          config.routes.get(
              "/probe/boom",
              ctx -> {
                throw new IllegalStateException("secret internal detail at db.host:5432");
              });
          config.routes.get("/probe/bare", ctx -> ctx.status(503));
          config.routes.get(
              "/probe/own-body", ctx -> ctx.status(503).json(Map.of("status", "draining")));
          config.routes.post("/probe/body", ctx -> ctx.json(ctx.bodyAsClass(Echo.class)));
        };
    server = new ApiServer(new ApiServer.Options("127.0.0.1", 0, 1024), List.of(probe)).start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return ApiJson.mapper().readTree(r.body());
  }

  @Test
  void snakeCaseJsonRequestIdAndCors() throws Exception {
    HttpResponse<String> r = send(get("/probe/ok"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).get("some_field").asText()).isEqualTo("x");
    assertThat(json(r).get("count_value").asInt()).isEqualTo(2);
    assertThat(r.headers().firstValue("X-Request-Id")).isPresent();
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
  }

  @Test
  void saneRequestIdIsEchoedAndInsaneOneReplaced() throws Exception {
    HttpResponse<String> r = send(get("/probe/limited").header("X-Request-Id", "abc-123.X_y"));
    assertThat(r.headers().firstValue("X-Request-Id")).hasValue("abc-123.X_y");
    assertThat(json(r).at("/error/request_id").asText()).isEqualTo("abc-123.X_y");

    HttpResponse<String> bad = send(get("/probe/ok").header("X-Request-Id", "a b<script>"));
    assertThat(bad.headers().firstValue("X-Request-Id").orElseThrow())
        .isNotEqualTo("a b<script>")
        .matches("[0-9a-f-]{36}");
    HttpResponse<String> tooLong = send(get("/probe/ok").header("X-Request-Id", "a".repeat(129)));
    assertThat(tooLong.headers().firstValue("X-Request-Id").orElseThrow()).hasSize(36);
  }

  @Test
  void apiExceptionKeepsStatusCodeAndHeaders() throws Exception {
    HttpResponse<String> r = send(get("/probe/limited"));
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("Retry-After")).hasValue("7");
    assertThat(json(r).at("/error/code").asText()).isEqualTo("rate_limited");
    assertThat(json(r).at("/error/message").asText()).isEqualTo("slow down");
  }

  @Test
  void unexpectedFailureIsGeneric500() throws Exception {
    HttpResponse<String> r = send(get("/probe/boom").header("X-Request-Id", "req-500"));
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(json(r).at("/error/code").asText()).isEqualTo("internal_error");
    assertThat(json(r).at("/error/request_id").asText()).isEqualTo("req-500");
    assertThat(r.body()).doesNotContain("secret", "IllegalState", "at ai.");
  }

  @Test
  void unknownRouteAndWrongMethodUseTheEnvelope() throws Exception {
    HttpResponse<String> nf = send(get("/nope"));
    assertThat(nf.statusCode()).isEqualTo(404);
    assertThat(json(nf).at("/error/code").asText()).isEqualTo("not_found");
    assertThat(json(nf).at("/error/request_id").asText()).isNotBlank();

    HttpResponse<String> wm = send(get("/probe/ok").DELETE());
    assertThat(wm.statusCode()).isEqualTo(405);
    assertThat(json(wm).at("/error/code").asText()).isEqualTo("method_not_allowed");
  }

  @Test
  void badJsonBodyIs400AndOversizedBodyIs413() throws Exception {
    HttpResponse<String> ok =
        send(
            get("/probe/body")
                .POST(
                    HttpRequest.BodyPublishers.ofString("{\"some_field\":\"a\",\"count_value\":3}"))
                .header("Content-Type", "application/json"));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(json(ok).get("count_value").asInt()).isEqualTo(3);

    HttpResponse<String> bad =
        send(get("/probe/body").POST(HttpRequest.BodyPublishers.ofString("{not json")));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).at("/error/code").asText()).isEqualTo("invalid_params");

    HttpResponse<String> big =
        send(
            get("/probe/body")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"some_field\":\"" + "x".repeat(5000) + "\"}")));
    assertThat(big.statusCode()).isEqualTo(413);
    assertThat(json(big).at("/error/code").asText()).isEqualTo("payload_too_large");
  }

  @Test
  void bareStatusGetsTheEnvelopeButAnOwnBodyIsKept() throws Exception {
    HttpResponse<String> bare = send(get("/probe/bare"));
    assertThat(bare.statusCode()).isEqualTo(503);
    assertThat(json(bare).at("/error/code").asText()).isEqualTo("service_unavailable");

    HttpResponse<String> own = send(get("/probe/own-body"));
    assertThat(own.statusCode()).isEqualTo(503);
    assertThat(json(own).get("status").asText()).isEqualTo("draining");
    assertThat(json(own).has("error")).isFalse();
  }

  @Test
  void corsPreflightIsAnswered() throws Exception {
    HttpResponse<String> r =
        send(
            get("/probe/ok")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://agent.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization"));
    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(r.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
        .contains("Authorization");
  }

  @Test
  void malformedUriRejectedByJettyGetsTheEnvelope() throws Exception {
    // java.net.http refuses to send a malformed URI, so speak HTTP/1.1 over a socket
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket
          .getOutputStream()
          .write(
              ("GET /v1/products/%zz HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: bad-uri-1\r\n"
                      + "Connection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(raw).startsWith("HTTP/1.1 400");
      JsonNode body = ApiJson.mapper().readTree(raw.substring(raw.indexOf("\r\n\r\n") + 4));
      assertThat(body.at("/error/code").asText()).isEqualTo("invalid_params");
      // the request never became a request, so its headers are not read: a fresh id is used
      assertThat(body.at("/error/request_id").asText()).isNotBlank();
    }
  }

  @Test
  void routesAreListed() {
    assertThat(server.routes())
        .contains(
            new ApiServer.Route("GET", "/probe/ok"), new ApiServer.Route("POST", "/probe/body"));
  }
}
