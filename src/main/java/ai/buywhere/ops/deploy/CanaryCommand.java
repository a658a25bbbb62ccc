package ai.buywhere.ops.deploy;

import ai.buywhere.shared.Json;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code buywhere canary}: the deployment runbook's canary-analysis.sh. */
@Command(
    name = "canary",
    mixinStandardHelpOptions = true,
    description = "Compare a canary with the baseline over a window; exit 1 when the canary fails.")
public final class CanaryCommand implements Callable<Integer> {
  @Option(names = "--baseline", required = true, description = "Base URL of the stable deployment.")
  String baseline;

  @Option(names = "--canary", required = true, description = "Base URL of the canary.")
  String canary;

  @Option(
      names = "--duration",
      defaultValue = "300",
      paramLabel = "S",
      description = "Window in seconds (default ${DEFAULT-VALUE}).")
  int duration;

  @Option(
      names = "--max-error-rate",
      defaultValue = "5",
      description = "Max canary 5xx %% (default ${DEFAULT-VALUE}).")
  double maxErrorRate;

  @Option(
      names = "--max-p99-ms",
      defaultValue = "1000",
      description = "Max canary P99 ms (default ${DEFAULT-VALUE}).")
  double maxP99;

  @Option(
      names = "--max-p99-ratio",
      defaultValue = "1.5",
      description = "Max canary/baseline P99 ratio (default ${DEFAULT-VALUE}).")
  double maxRatio;

  @Option(
      names = "--min-p99-regression-ms",
      defaultValue = "50",
      description =
          "The P99 ratio fails the canary only when it is also this many ms slower than the"
              + " baseline (default ${DEFAULT-VALUE}).")
  double minRegression;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (duration < 1) {
      throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(this), "--duration must be at least 1 second");
    }
    if (maxErrorRate < 0 || maxP99 < 0 || maxRatio < 1 || minRegression < 0) {
      throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(this),
          "--max-error-rate, --max-p99-ms and --min-p99-regression-ms must be 0 or more, and"
              + " --max-p99-ratio at least 1");
    }
    CanaryAnalysis analysis =
        new CanaryAnalysis(
            new TargetProbe(baseline, Duration.ofSeconds(5)),
            new TargetProbe(canary, Duration.ofSeconds(5)),
            new CanaryAnalysis.Limits(maxErrorRate, maxP99, maxRatio, minRegression));
    CanaryAnalysis.Verdict v =
        analysis.run(Duration.ofSeconds(duration), d -> Thread.sleep(d.toMillis()));
    System.out.println(json ? Json.mapper().writeValueAsString(v) : CanaryAnalysis.table(v));
    return v.passed() ? 0 : 1;
  }
}
