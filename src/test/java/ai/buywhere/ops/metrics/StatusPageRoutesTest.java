package ai.buywhere.ops.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.ops.TestHttp;
import io.javalin.Javalin;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusPageRoutesTest {
  @TempDir Path dir;
  Javalin app;
  String base;

  @BeforeEach
  void start() {
    Metrics metrics = new Metrics(Clock.systemUTC());
    MultiGauge freshness =
        metrics.multiGauge("hours_since_last_run", "Hours since the source's last successful run");
    freshness.register(
        List.of(
            MultiGauge.Row.of(Tags.of("source", "us_bestbuy"), 3.5),
            MultiGauge.Row.of(Tags.of("source", "us_walmart"), 30.0)),
        true);
    metrics.gauge(
        "buywhere_backup_age_seconds",
        "Seconds since the newest backup",
        Tags.of("tier", "daily"),
        () -> 7200.0);
    HttpMetricsRoutes http = new HttpMetricsRoutes(metrics);
    StatusPageRoutes status = new StatusPageRoutes(metrics);
    app =
        Javalin.create(
                config -> {
                  http.configure(config);
                  status.configure(config);
                  config.routes.get("/v1/ping", ctx -> ctx.result("pong"));
                })
            .start(0);
    base = "http://127.0.0.1:" + app.port();
    for (int i = 0; i < 5; i++) {
      TestHttp.get(base + "/v1/ping");
    }
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  @Test
  void statusJsonCarriesThePanels() {
    String json = TestHttp.get(base + "/status.json").body();
    assertThat(json)
        .contains("\"latency\"")
        .contains("http_request_duration_p95_seconds")
        .contains("us_walmart")
        .contains("30.0");
  }

  @Test
  void headlessChromiumRendersThePanelsWithValues() throws Exception {
    String dom = chromium("--dump-dom", "--virtual-time-budget=10000").output();
    assertThat(dom)
        .contains("id=\"panel-latency\"")
        .contains("hours_since_last_run {source=us_bestbuy}")
        .contains("3.5")
        .contains("class=\"v crit\">30") // us_walmart is past the 24 h critical threshold
        .contains("buywhere_backup_age_seconds {tier=daily}</td><td class=\"v ok\">2.0 h")
        .containsPattern("http_request_duration_p50_seconds</td><td class=\"v ok\">[0-9.]+ ms")
        .doesNotContain("loading…");

    Path shot = dir.resolve("status.png");
    chromium("--screenshot=" + shot, "--window-size=1280,900", "--virtual-time-budget=10000");
    assertThat(shot).exists();
    byte[] png = Files.readAllBytes(shot);
    assertThat(png.length).isGreaterThan(20_000);
    assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
  }

  private TestHttp.Run chromium(String... extra) {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + dir.resolve("chrome-profile")));
    cmd.addAll(List.of(extra));
    cmd.add(base + "/status");
    TestHttp.Run run = TestHttp.run(cmd, null);
    assertThat(run.exit()).as(run.output()).isZero();
    return run;
  }
}
