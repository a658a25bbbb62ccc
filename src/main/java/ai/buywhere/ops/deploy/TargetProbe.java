package ai.buywhere.ops.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Reads one deployment's {@code /health} and {@code /metrics} over HTTP with short timeouts. An
 * unreachable target is a failed probe, never an exception that stops the monitor.
 */
final class TargetProbe {
  /** The outcome of one probe: HTTP status of /health (0 when unreachable) and the traffic. */
  record Probe(int healthStatus, String healthError, TrafficSnapshot traffic, long latencyMillis) {
    boolean healthy() {
      return healthStatus == 200;
    }
  }

  private final URI base;
  private final HttpClient http;
  private final Duration timeout;

  TargetProbe(String baseUrl, Duration timeout) {
    this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  Probe probe() {
    long start = System.nanoTime();
    int status;
    String error = null;
    try {
      status = get("health").statusCode();
    } catch (IOException e) {
      status = 0;
      error =
          "unreachable: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Probe(0, "interrupted", null, 0);
    }
    long latency = (System.nanoTime() - start) / 1_000_000;
    TrafficSnapshot traffic = null;
    try {
      HttpResponse<String> metrics = get("metrics");
      if (metrics.statusCode() == 200) {
        traffic = TrafficSnapshot.of(PrometheusText.parse(metrics.body()));
      }
    } catch (IOException e) {
      if (error == null) {
        error = "metrics unreachable: " + e.getMessage();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new Probe(status, error, traffic, latency);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest req = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET().build();
    return http.send(req, HttpResponse.BodyHandlers.ofString());
  }
}
