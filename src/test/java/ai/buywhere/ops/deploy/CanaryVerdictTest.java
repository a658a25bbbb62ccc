package ai.buywhere.ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The canary's verdict on fixed figures: each limit alone, and the P99 regression floor. */
class CanaryVerdictTest {
  private static final CanaryAnalysis.Limits LIMITS = new CanaryAnalysis.Limits(5, 1000, 1.5);

  private static CanaryAnalysis.Side side(String name, double errorPct, double p99) {
    return new CanaryAnalysis.Side(name, true, 1000, errorPct, p99);
  }

  private static CanaryAnalysis.Verdict judge(double canaryErrorPct, double baseP99, double p99) {
    return CanaryAnalysis.judge(
        side("baseline", 0, baseP99), side("canary", canaryErrorPct, p99), LIMITS);
  }

  @Test
  void aFewMillisecondsOfJitterAtLowLatencyPass() {
    assertThat(judge(0, 3, 5).passed()).isTrue();
    assertThat(judge(0, 10, 59).passed()).isTrue();
  }

  @Test
  void aSlowerCanaryFailsOnceItIsBothRelativelyAndAbsolutelySlower() {
    CanaryAnalysis.Verdict v = judge(0, 10, 61);
    assertThat(v.passed()).isFalse();
    assertThat(v.failures()).singleElement().asString().contains("1.5× baseline 10 ms");
    assertThat(judge(0, 200, 290).passed()).as("1.45× is under the ratio").isTrue();
    assertThat(judge(0, 200, 301).passed()).isFalse();
  }

  @Test
  void theFloorIsConfigurable() {
    CanaryAnalysis.Limits strict = new CanaryAnalysis.Limits(5, 1000, 1.5, 0);
    assertThat(CanaryAnalysis.judge(side("baseline", 0, 3), side("canary", 0, 5), strict).passed())
        .isFalse();
  }

  @Test
  void errorRateAndAbsoluteP99FailRegardlessOfTheBaseline() {
    assertThat(judge(5.1, 3, 3).failures()).singleElement().asString().contains("5xx rate");
    assertThat(judge(0, 1200, 1100).failures()).singleElement().asString().contains("> 1000 ms");
  }

  @Test
  void anUnreachableCanaryOrOneWithoutTrafficFails() {
    CanaryAnalysis.Side gone = new CanaryAnalysis.Side("canary", false, 0, 0, Double.NaN);
    assertThat(CanaryAnalysis.judge(side("baseline", 0, 3), gone, LIMITS).failures())
        .containsExactly("canary unreachable or without metrics");
    CanaryAnalysis.Side idle = new CanaryAnalysis.Side("canary", true, 0, 0, Double.NaN);
    assertThat(CanaryAnalysis.judge(side("baseline", 0, 3), idle, LIMITS).failures())
        .containsExactly("canary served no traffic during the window");
  }
}
