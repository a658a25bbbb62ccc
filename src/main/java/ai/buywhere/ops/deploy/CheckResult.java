package ai.buywhere.ops.deploy;

import java.util.List;

/**
 * The verdict on one monitoring interval: the measured traffic figures and the reasons it failed
 * (empty when it passed). {@code critical} trips the breaker at once.
 */
record CheckResult(
    int healthStatus,
    double requests,
    double errorRatePercent,
    double p99Millis,
    List<String> failures,
    boolean critical) {

  boolean passed() {
    return failures.isEmpty();
  }

  /** Judges the traffic between two probes against the thresholds. */
  static CheckResult judge(TargetProbe.Probe earlier, TargetProbe.Probe now, DeployThresholds t) {
    List<String> failures = new java.util.ArrayList<>();
    boolean critical = false;
    if (!now.healthy()) {
      failures.add(
          now.healthStatus() == 0
              ? "health check failed (" + now.healthError() + ")"
              : "health returned HTTP " + now.healthStatus());
    }
    double requests = 0;
    double errorRate = 0;
    double p99 = Double.NaN;
    if (now.traffic() != null && earlier != null && earlier.traffic() != null) {
      TrafficSnapshot delta = now.traffic().minus(earlier.traffic());
      requests = delta.requests();
      errorRate = delta.errorRatePercent();
      p99 = delta.quantileMillis(0.99);
      if (errorRate > t.errorRatePercent()) {
        failures.add(String.format("5xx rate %.2f%% > %.2f%%", errorRate, t.errorRatePercent()));
      }
      if (errorRate > t.criticalErrorRatePercent()) {
        critical = true;
      }
      if (!Double.isNaN(p99) && p99 > t.latencyP99Millis()) {
        failures.add(String.format("P99 %.0f ms > %.0f ms", p99, t.latencyP99Millis()));
      }
    } else if (now.healthy()) {
      failures.add("metrics unavailable");
    }
    return new CheckResult(
        now.healthStatus(), requests, errorRate, p99, List.copyOf(failures), critical);
  }
}
