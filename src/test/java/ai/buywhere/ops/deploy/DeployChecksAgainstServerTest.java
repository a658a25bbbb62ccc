package ai.buywhere.ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment checks against a real BuyWhere server: healthy, slowed and failing through the
 * test-only fault injection, and unreachable; the canary compared across two real instances.
 */
class DeployChecksAgainstServerTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private DeployMonitor.Outcome monitor(String url, String hook, int checks, int intervalS)
      throws Exception {
    DeployMonitor m =
        new DeployMonitor(
            new TargetProbe(url, Duration.ofSeconds(5)),
            DeployThresholds.load(Path.of("config/deployment-thresholds.yaml"), "production"),
            new DeployStateStore(dir.resolve("state-" + System.nanoTime())),
            new RollbackHook(hook, 30),
            Clock.systemUTC(),
            d -> Thread.sleep(d.toMillis()),
            new PrintStream(out, true));
    return m.run(Duration.ofSeconds((long) checks * intervalS), Duration.ofSeconds(intervalS));
  }

  @Test
  void monitorPassesOnAHealthyServerAndTripsOnInjected5xxAndLatency() throws Exception {
    Path marker = dir.resolve("rolled-back");
    try (LiveDeployment live = new LiveDeployment(dir.resolve("node"))) {
      live.startTraffic(3);
      DeployMonitor.Outcome healthy = monitor(live.url(), null, 2, 1);
      assertThat(healthy.breakerOpen()).as(out.toString()).isFalse();
      assertThat(healthy.failedChecks()).isZero();

      live.inject(0, 0.6);
      DeployMonitor.Outcome failing = monitor(live.url(), "echo rolled > " + marker, 3, 1);
      assertThat(failing.breakerOpen()).as(out.toString()).isTrue();
      assertThat(out.toString()).contains("5xx rate");
      assertThat(Files.readString(marker).strip()).isEqualTo("rolled");

      live.inject(1700, 0);
      DeployMonitor.Outcome slow = monitor(live.url(), null, 3, 3);
      assertThat(slow.breakerOpen()).as(out.toString()).isTrue();
      assertThat(out.toString()).contains("P99");
      live.inject(0, 0);
    }
  }

  @Test
  void monitorFailsWhenTheDeploymentIsUnreachable() throws Exception {
    String url;
    try (LiveDeployment live = new LiveDeployment(dir.resolve("gone"))) {
      url = live.url();
    }
    DeployMonitor.Outcome o = monitor(url, null, 2, 1);
    assertThat(o.breakerOpen()).isTrue();
    assertThat(out.toString()).contains("unreachable");
  }

  @Test
  void canaryFailsWhenTheCanaryIsWorseThanTheBaseline() throws Exception {
    try (LiveDeployment baseline = new LiveDeployment(dir.resolve("baseline"));
        LiveDeployment canary = new LiveDeployment(dir.resolve("canary"))) {
      baseline.startTraffic(2);
      canary.startTraffic(2);
      canary.inject(0, 0.3);
      CanaryAnalysis.Limits limits = new CanaryAnalysis.Limits(5, 1000, 1.5);
      CanaryAnalysis.Verdict bad =
          new CanaryAnalysis(
                  new TargetProbe(baseline.url(), Duration.ofSeconds(5)),
                  new TargetProbe(canary.url(), Duration.ofSeconds(5)),
                  limits)
              .run(Duration.ofSeconds(2), d -> Thread.sleep(d.toMillis()));
      assertThat(bad.passed()).as(CanaryAnalysis.table(bad)).isFalse();
      assertThat(bad.failures()).anyMatch(f -> f.contains("5xx"));
      canary.inject(0, 0);
      CanaryAnalysis.Verdict good =
          new CanaryAnalysis(
                  new TargetProbe(baseline.url(), Duration.ofSeconds(5)),
                  new TargetProbe(canary.url(), Duration.ofSeconds(5)),
                  limits)
              .run(Duration.ofSeconds(2), d -> Thread.sleep(d.toMillis()));
      assertThat(good.passed()).as(CanaryAnalysis.table(good)).isTrue();
    }
  }

  @Test
  void enhancedHealthCheckPassesOnAHealthyServer() throws Exception {
    try (LiveDeployment live = new LiveDeployment(dir.resolve("hc"))) {
      List<EnhancedHealthCheck.Check> checks =
          new EnhancedHealthCheck(
                  new ApiClient(live.url(), Duration.ofSeconds(5)),
                  EnhancedHealthCheck.Limits.defaults())
              .run();
      assertThat(checks).filteredOn(c -> c.status().equals("fail")).as(checks.toString()).isEmpty();
      assertThat(checks)
          .extracting(EnhancedHealthCheck.Check::name)
          .contains(
              "endpoint /health",
              "endpoint /ready",
              "endpoint /metrics",
              "database",
              "connection pool");
      assertThat(checks)
          .filteredOn(c -> c.name().equals("redis"))
          .singleElement()
          .extracting(EnhancedHealthCheck.Check::status)
          .isEqualTo("n/a");
    }
  }
}
