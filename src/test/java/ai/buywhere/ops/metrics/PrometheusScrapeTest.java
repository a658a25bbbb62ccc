package ai.buywhere.ops.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.buywhere.ops.TestHttp;
import ai.buywhere.ops.alerts.AlertRules;
import ai.buywhere.ops.alerts.PrometheusRulesExporter;
import ai.buywhere.shared.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: a real Prometheus server (Debian package binary) scrapes the app's /metrics, loads
 * the exported alert rules, and evaluates every query of the shipped Grafana dashboard.
 */
class PrometheusScrapeTest {
  @TempDir Path dir;
  Javalin app;
  Process prometheus;

  @BeforeEach
  void start() {
    Metrics metrics = new Metrics(Clock.systemUTC());
    HttpMetricsRoutes http = new HttpMetricsRoutes(metrics);
    app =
        Javalin.create(
                config -> {
                  http.configure(config);
                  config.routes.get("/v1/products/{id}", ctx -> ctx.result("ok"));
                })
            .start("127.0.0.1", 0);
    for (int i = 0; i < 3; i++) {
      TestHttp.get("http://127.0.0.1:" + app.port() + "/v1/products/p" + i);
    }
  }

  @AfterEach
  void stop() throws Exception {
    if (prometheus != null) {
      prometheus.destroy();
      if (!prometheus.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        prometheus.destroyForcibly();
      }
    }
    app.stop();
  }

  @Test
  void realPrometheusScrapesRouteTemplateSeriesAndLoadsTheRules() throws Exception {
    Files.writeString(
        dir.resolve("buywhere-rules.yml"), PrometheusRulesExporter.export(AlertRules.defaults()));
    Files.writeString(
        dir.resolve("prometheus.yml"),
        """
        global:
          scrape_interval: 1s
          evaluation_interval: 1s
        rule_files: [buywhere-rules.yml]
        scrape_configs:
          - job_name: buywhere
            metrics_path: /metrics
            static_configs:
              - targets: ['127.0.0.1:%d']
        """
            .formatted(app.port()));
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    prometheus =
        new ProcessBuilder(
                "prometheus",
                "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("tsdb"),
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
    String api = "http://127.0.0.1:" + port + "/api/v1/";

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              JsonNode r =
                  query(api, "http_requests_total{endpoint=\"/v1/products/{id}\",status=\"200\"}");
              assertThat(r.path("data").path("result")).hasSize(1);
              assertThat(r.path("data").path("result").get(0).path("value").get(1).asDouble())
                  .isEqualTo(3.0);
            });

    JsonNode rules = Json.mapper().readTree(TestHttp.get(api + "rules").body());
    int count = 0;
    for (JsonNode g : rules.path("data").path("groups")) {
      count += g.path("rules").size();
    }
    assertThat(count).isEqualTo(38);

    // every dashboard query is valid PromQL against the real server
    JsonNode dashboard = Json.mapper().readTree(Path.of("deploy/grafana/us-launch.json").toFile());
    List<String> exprs = new ArrayList<>();
    dashboard
        .path("panels")
        .forEach(p -> p.path("targets").forEach(t -> exprs.add(t.path("expr").asText())));
    assertThat(exprs).hasSizeGreaterThan(10);
    for (String e : exprs) {
      JsonNode r = query(api, e.replace("$instance", ".*"));
      assertThat(r.path("status").asText()).as(e + " -> " + r).isEqualTo("success");
    }
    // after a second scrape the P99 over the scraped histogram has a series
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () ->
                assertThat(
                        query(api, exprs.get(2).replace("$instance", ".*"))
                            .path("data")
                            .path("result"))
                    .hasSize(1));
  }

  private static JsonNode query(String api, String promql) throws Exception {
    String body =
        TestHttp.get(api + "query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))
            .body();
    return Json.mapper().readTree(body);
  }
}
