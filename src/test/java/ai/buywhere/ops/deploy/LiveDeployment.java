package ai.buywhere.ops.deploy;

import ai.buywhere.api.ApiServer;
import ai.buywhere.app.Application;
import ai.buywhere.app.Settings;
import ai.buywhere.auth.NewKey;
import ai.buywhere.auth.Role;
import ai.buywhere.auth.Tier;
import ai.buywhere.catalog.ProductInput;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real BuyWhere deployment for the deployment-check tests: the full application on SQLite in a
 * temp dir with a small catalog, the server on a free port, fault injection enabled, an admin
 * token, a partner key, and optional background traffic so /metrics has something to measure.
 */
final class LiveDeployment implements AutoCloseable {
  static final String ADMIN = "deploy-test-admin-token-0123456789abcdef";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final Application app;
  final ApiServer server;
  final String key;
  private final AtomicBoolean trafficOn = new AtomicBoolean();
  private final List<Thread> traffic = new ArrayList<>();

  LiveDeployment(Path dir) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("DATA_DIR", dir.toString());
    env.put("DEFAULT_COUNTRY", "ALL");
    env.put("ADMIN_TOKEN", ADMIN);
    env.put("FAULT_INJECTION_ENABLED", "true");
    env.put("ALERT_EVALUATION_INTERVAL_S", "0");
    env.put("SHUTDOWN_DRAIN_S", "0");
    app = Application.open(Settings.of(env, Map.of()));
    List<ProductInput> rows = new ArrayList<>();
    String[][] items = {
      {
        "wh1",
        "Sony WH-1000XM5 Wireless Noise Cancelling Headphones",
        "Sony",
        "399.99",
        "449.99",
        "US"
      },
      {"wh2", "Sony WH-1000XM5 Headphones Black", "Sony", "379.00", null, "US"},
      {"qc1", "Bose QuietComfort Ultra Headphones", "Bose", "429.00", "479.00", "US"},
      {"sg1", "Sony WH-1000XM5 Headphones", "Sony", "549.00", "649.00", "SG"},
    };
    for (String[] i : items) {
      rows.add(
          ProductInput.builder(i[0], "deploy_" + i[5].toLowerCase())
              .title(i[1])
              .brand(i[2])
              .price(i[3])
              .originalPrice(i[4] == null ? null : new BigDecimal(i[4]))
              .currency(i[5].equals("US") ? "USD" : "SGD")
              .countryCode(i[5])
              .url("https://example.com/p/" + i[0])
              .categoryPath(List.of("Electronics", "Audio", "Headphones"))
              .build());
    }
    long seq = app.catalogWriter().write(rows).lastSeq();
    app.search().awaitSeq(seq, Duration.ofSeconds(30));
    key = app.auth().keys().create(NewKey.of("deploy-tests", Tier.PARTNER, Role.AGENT)).secret();
    server = app.apiServer("127.0.0.1", 0).start();
  }

  String url() {
    return "http://127.0.0.1:" + server.port();
  }

  /** Sets injected latency and 5xx share on /v1 requests. */
  void inject(int latencyMs, double errorRate) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(url() + "/admin/fault-injection"))
            .header("Authorization", "Bearer " + ADMIN)
            .header("Content-Type", "application/json")
            .PUT(
                HttpRequest.BodyPublishers.ofString(
                    "{\"latency_ms\":" + latencyMs + ",\"error_rate\":" + errorRate + "}"))
            .build();
    HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(
          "fault injection refused: " + r.statusCode() + " " + r.body());
    }
  }

  /** Starts {@code threads} clients searching in a loop until {@link #close()}. */
  void startTraffic(int threads) {
    trafficOn.set(true);
    for (int t = 0; t < threads; t++) {
      Thread th =
          new Thread(
              () -> {
                HttpRequest req =
                    HttpRequest.newBuilder(URI.create(url() + "/v1/products/search?q=headphones"))
                        .header("Authorization", "Bearer " + key)
                        .timeout(Duration.ofSeconds(10))
                        .build();
                while (trafficOn.get()) {
                  try {
                    HTTP.send(req, HttpResponse.BodyHandlers.discarding());
                  } catch (Exception e) {
                    if (!trafficOn.get()) {
                      return;
                    }
                  }
                }
              },
              "traffic-" + t);
      th.setDaemon(true);
      th.start();
      traffic.add(th);
    }
  }

  void stopTraffic() throws InterruptedException {
    trafficOn.set(false);
    for (Thread t : traffic) {
      t.join(15_000);
    }
    traffic.clear();
  }

  @Override
  public void close() throws Exception {
    stopTraffic();
    server.stop();
    app.close();
  }
}
