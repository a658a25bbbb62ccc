package ai.buywhere.ops.deploy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A local HTTP server that exposes /health and a Prometheus /metrics page whose counters advance by
 * a fixed step on every scrape, so a test decides exactly what traffic each monitoring interval saw
 * (healthy, 5xx burst, slow).
 */
final class ScriptedTarget implements AutoCloseable {
  volatile int healthStatus = 200;
  volatile long okPerScrape = 100;
  volatile long errorsPerScrape;
  volatile long slowPerScrape;
  private long ok;
  private long errors;
  private long slow;
  private final HttpServer server;

  ScriptedTarget() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/health", ex -> respond(ex, healthStatus, "{\"status\":\"ok\"}"));
    server.createContext("/metrics", ex -> respond(ex, 200, nextMetrics()));
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private synchronized String nextMetrics() {
    ok += okPerScrape;
    errors += errorsPerScrape;
    slow += slowPerScrape;
    long fast = ok + errors;
    long total = fast + slow;
    return """
        http_requests_total{endpoint="/v1/products/search",method="GET",status="200"} %d
        http_requests_total{endpoint="/v1/products/search",method="GET",status="500"} %d
        http_request_duration_seconds_bucket{endpoint="/v1/products/search",method="GET",status="200",le="0.005"} %d
        http_request_duration_seconds_bucket{endpoint="/v1/products/search",method="GET",status="200",le="2.5"} %d
        http_request_duration_seconds_bucket{endpoint="/v1/products/search",method="GET",status="200",le="5.0"} %d
        http_request_duration_seconds_bucket{endpoint="/v1/products/search",method="GET",status="200",le="+Inf"} %d
        """
        .formatted(ok + slow, errors, fast, fast, total, total);
  }

  private static void respond(com.sun.net.httpserver.HttpExchange ex, int status, String body)
      throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders()
        .set(
            "Content-Type",
            body.startsWith("{") ? "application/json" : "text/plain; version=0.0.4");
    ex.sendResponseHeaders(status, b.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(b);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
