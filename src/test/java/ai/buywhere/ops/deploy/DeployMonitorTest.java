package ai.buywhere.ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployMonitorTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private DeployThresholds production() throws Exception {
    Path file = Path.of("config/deployment-thresholds.yaml");
    return DeployThresholds.load(file, "production");
  }

  private DeployMonitor.Outcome monitor(String url, String hook) throws Exception {
    DeployMonitor m =
        new DeployMonitor(
            new TargetProbe(url, Duration.ofSeconds(2)),
            production(),
            new DeployStateStore(dir.resolve("state")),
            new RollbackHook(hook, 30),
            Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC),
            d -> {},
            new PrintStream(out, true));
    return m.run(Duration.ofSeconds(150), Duration.ofSeconds(30));
  }

  @Test
  void thresholdsFileHoldsTheRunbookValues() throws Exception {
    DeployThresholds staging =
        DeployThresholds.load(Path.of("config/deployment-thresholds.yaml"), "staging");
    assertThat(staging.errorRatePercent()).isEqualTo(10);
    assertThat(staging.latencyP99Millis()).isEqualTo(2000);
    assertThat(staging.consecutiveFailures()).isEqualTo(2);
    assertThat(staging.durationSeconds()).isEqualTo(300);
    assertThat(production().errorRatePercent()).isEqualTo(5);
    assertThat(production().latencyP99Millis()).isEqualTo(1500);
    assertThat(production().durationSeconds()).isEqualTo(600);
  }

  @Test
  void aHealthyDeploymentPassesAndKeepsTheBreakerClosed() throws Exception {
    try (ScriptedTarget target = new ScriptedTarget()) {
      DeployMonitor.Outcome o = monitor(target.url(), null);
      assertThat(o.breakerOpen()).isFalse();
      assertThat(o.checks()).isEqualTo(5);
      assertThat(o.failedChecks()).isZero();
      assertThat(new DeployStateStore(dir.resolve("state")).history("production")).hasSize(5);
    }
  }

  @Test
  void sustained5xxOpensTheBreakerAfterTwoChecksAndRunsTheRollbackHook() throws Exception {
    Path marker = dir.resolve("rolled-back");
    try (ScriptedTarget target = new ScriptedTarget()) {
      target.okPerScrape = 90;
      target.errorsPerScrape = 10; // 10 % > 5 %, below the 25 % critical level
      DeployMonitor.Outcome o = monitor(target.url(), "echo $DEPLOY_ENVIRONMENT > " + marker);
      assertThat(o.breakerOpen()).isTrue();
      assertThat(o.checks()).isEqualTo(5);
      assertThat(o.failedChecks()).isEqualTo(2);
      assertThat(o.rollback().exitCode()).isZero();
      assertThat(Files.readString(marker).strip()).isEqualTo("production");
      assertThat(
              new DeployStateStore(dir.resolve("state"))
                  .loadBreaker("production")
                  .orElseThrow()
                  .isOpen())
          .isTrue();
    }
  }

  @Test
  void aCriticalBurstOpensAtOnceAndAnOpenBreakerBlocksTheNextMonitor() throws Exception {
    try (ScriptedTarget target = new ScriptedTarget()) {
      target.okPerScrape = 40;
      target.errorsPerScrape = 60;
      assertThat(monitor(target.url(), null).failedChecks()).isEqualTo(1);
      target.errorsPerScrape = 0;
      DeployMonitor.Outcome blocked = monitor(target.url(), null);
      assertThat(blocked.breakerOpen()).isTrue();
      assertThat(blocked.checks()).isZero();
      assertThat(out.toString()).contains("deployments are blocked");
    }
  }

  @Test
  void slowResponsesFailOnP99() throws Exception {
    try (ScriptedTarget target = new ScriptedTarget()) {
      target.okPerScrape = 90;
      target.slowPerScrape = 10; // 10 % of requests between 2.5 s and 5 s
      DeployMonitor.Outcome o = monitor(target.url(), null);
      assertThat(o.breakerOpen()).isTrue();
      assertThat(out.toString()).contains("P99");
    }
  }

  @Test
  void anUnreachableDeploymentFails() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    DeployMonitor.Outcome o = monitor("http://127.0.0.1:" + port, null);
    assertThat(o.breakerOpen()).isTrue();
    assertThat(out.toString()).contains("unreachable");
  }

  @Test
  void canaryFailsWhenWorseThanBaseline() throws Exception {
    try (ScriptedTarget baseline = new ScriptedTarget();
        ScriptedTarget canary = new ScriptedTarget()) {
      canary.okPerScrape = 90;
      canary.errorsPerScrape = 10;
      CanaryAnalysis.Verdict v =
          new CanaryAnalysis(
                  new TargetProbe(baseline.url(), Duration.ofSeconds(2)),
                  new TargetProbe(canary.url(), Duration.ofSeconds(2)),
                  new CanaryAnalysis.Limits(5, 1000, 1.5))
              .run(Duration.ofSeconds(1), d -> {});
      assertThat(v.passed()).isFalse();
      assertThat(v.failures()).anyMatch(f -> f.contains("5xx"));
      assertThat(CanaryAnalysis.table(v)).contains("baseline", "canary", "FAIL");
      canary.errorsPerScrape = 0;
      CanaryAnalysis.Verdict ok =
          new CanaryAnalysis(
                  new TargetProbe(baseline.url(), Duration.ofSeconds(2)),
                  new TargetProbe(canary.url(), Duration.ofSeconds(2)),
                  new CanaryAnalysis.Limits(5, 1000, 1.5))
              .run(Duration.ofSeconds(1), d -> {});
      assertThat(ok.passed()).isTrue();
    }
  }
}
