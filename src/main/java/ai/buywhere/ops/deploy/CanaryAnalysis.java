package ai.buywhere.ops.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Canary analysis (R43): samples the baseline and the canary at the start and end of the window and
 * compares the traffic in between. The canary fails when its 5xx rate is over the limit (default 5
 * %), its P99 is over the limit (default 1000 ms), or its P99 exceeds the baseline's by more than
 * the ratio (default 1.5×) and by more than a minimum regression (default 50 ms). The minimum keeps
 * a 3 ms against 5 ms difference, which histogram buckets and scheduling noise alone produce, from
 * failing a release nobody could tell apart from the baseline.
 */
final class CanaryAnalysis {
  record Limits(
      double maxErrorRatePercent,
      double maxP99Millis,
      double maxP99Ratio,
      double minP99RegressionMillis) {
    static final double DEFAULT_MIN_P99_REGRESSION_MILLIS = 50;

    Limits(double maxErrorRatePercent, double maxP99Millis, double maxP99Ratio) {
      this(maxErrorRatePercent, maxP99Millis, maxP99Ratio, DEFAULT_MIN_P99_REGRESSION_MILLIS);
    }
  }

  record Side(
      String name, boolean reachable, double requests, double errorRatePercent, double p99Millis) {}

  record Verdict(Side baseline, Side canary, List<String> failures) {
    boolean passed() {
      return failures.isEmpty();
    }
  }

  private final TargetProbe baseline;
  private final TargetProbe canary;
  private final Limits limits;

  CanaryAnalysis(TargetProbe baseline, TargetProbe canary, Limits limits) {
    this.baseline = baseline;
    this.canary = canary;
    this.limits = limits;
  }

  Verdict run(Duration window, DeployMonitor.Pause pause) throws InterruptedException {
    TargetProbe.Probe b0 = baseline.probe();
    TargetProbe.Probe c0 = canary.probe();
    pause.sleep(window);
    Side b = side("baseline", b0, baseline.probe());
    Side c = side("canary", c0, canary.probe());
    return judge(b, c, limits);
  }

  /** The verdict on one window's figures. */
  static Verdict judge(Side b, Side c, Limits limits) {
    List<String> failures = new ArrayList<>();
    if (!c.reachable()) {
      failures.add("canary unreachable or without metrics");
    } else {
      if (c.errorRatePercent() > limits.maxErrorRatePercent()) {
        failures.add(
            String.format(
                "canary 5xx rate %.2f%% > %.2f%%",
                c.errorRatePercent(), limits.maxErrorRatePercent()));
      }
      if (!Double.isNaN(c.p99Millis()) && c.p99Millis() > limits.maxP99Millis()) {
        failures.add(
            String.format("canary P99 %.0f ms > %.0f ms", c.p99Millis(), limits.maxP99Millis()));
      }
      if (b.reachable()
          && !Double.isNaN(b.p99Millis())
          && !Double.isNaN(c.p99Millis())
          && b.p99Millis() > 0
          && c.p99Millis() > limits.maxP99Ratio() * b.p99Millis()
          && c.p99Millis() - b.p99Millis() > limits.minP99RegressionMillis()) {
        failures.add(
            String.format(
                "canary P99 %.0f ms > %.1f× baseline %.0f ms (and %.0f ms slower, over %.0f ms)",
                c.p99Millis(),
                limits.maxP99Ratio(),
                b.p99Millis(),
                c.p99Millis() - b.p99Millis(),
                limits.minP99RegressionMillis()));
      }
      if (c.requests() <= 0) {
        failures.add("canary served no traffic during the window");
      }
    }
    return new Verdict(b, c, List.copyOf(failures));
  }

  private static Side side(String name, TargetProbe.Probe start, TargetProbe.Probe end) {
    if (start.traffic() == null || end.traffic() == null) {
      return new Side(name, false, 0, 0, Double.NaN);
    }
    TrafficSnapshot d = end.traffic().minus(start.traffic());
    return new Side(name, true, d.requests(), d.errorRatePercent(), d.quantileMillis(0.99));
  }

  static String table(Verdict v) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%-10s %10s %10s %10s%n", "", "requests", "5xx %", "P99 ms"));
    for (Side s : List.of(v.baseline(), v.canary())) {
      sb.append(
          String.format(
              "%-10s %10s %10s %10s%n",
              s.name(),
              s.reachable() ? String.format("%.0f", s.requests()) : "n/a",
              s.reachable() ? String.format("%.2f", s.errorRatePercent()) : "n/a",
              s.reachable() && !Double.isNaN(s.p99Millis())
                  ? String.format("%.0f", s.p99Millis())
                  : "n/a"));
    }
    sb.append(v.passed() ? "verdict: PASS" : "verdict: FAIL - " + String.join("; ", v.failures()));
    return sb.toString();
  }
}
