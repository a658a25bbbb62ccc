package ai.buywhere.ops.deploy;

import ai.buywhere.shared.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small JSON-over-HTTP client for the operator commands that act on a deployment URL. */
final class ApiClient {
  /** A response: status, body as JSON (null when not JSON), headers and elapsed time. */
  record Reply(int status, JsonNode json, String body, HttpResponse<String> raw, long millis) {}

  private final URI base;
  private final HttpClient http;
  private final Duration timeout;
  private String bearer;

  ApiClient(String baseUrl, Duration timeout) {
    this.base =
        URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  void bearer(String token) {
    this.bearer = token;
  }

  Reply get(String pathAndQuery) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET(), Map.of());
  }

  Reply post(String path, Object body, Map<String, String> headers)
      throws IOException, InterruptedException {
    String json = Json.mapper().writeValueAsString(body);
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)),
        headers);
  }

  private URI uri(String pathAndQuery) {
    return URI.create(base + pathAndQuery);
  }

  private Reply send(HttpRequest.Builder b, Map<String, String> headers)
      throws IOException, InterruptedException {
    b.timeout(timeout);
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    headers.forEach(b::header);
    long start = System.nanoTime();
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    long ms = (System.nanoTime() - start) / 1_000_000;
    JsonNode json = null;
    String ct = r.headers().firstValue("Content-Type").orElse("");
    if (ct.contains("json")) {
      try {
        json = Json.mapper().readTree(r.body());
      } catch (IOException e) {
        json = null;
      }
    }
    return new Reply(r.statusCode(), json, r.body(), r, ms);
  }
}
