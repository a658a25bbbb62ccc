package ai.buywhere.ops.deploy;

import ai.buywhere.shared.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code buywhere health-check}: the deployment runbook's enhanced-health-check.sh. */
@Command(
    name = "health-check",
    mixinStandardHelpOptions = true,
    description = "Enhanced health check of a deployment; exit 1 when any check fails.")
public final class HealthCheckCommand implements Callable<Integer> {
  @Option(
      names = "--api-url",
      required = true,
      description = "Base URL (env API_URL).",
      defaultValue = "${env:API_URL}")
  String apiUrl;

  @Option(
      names = "--environment",
      defaultValue = "${env:ENVIRONMENT:-production}",
      description = "Environment label (default ${DEFAULT-VALUE}).")
  String environment;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    List<EnhancedHealthCheck.Check> checks =
        new EnhancedHealthCheck(
                new ApiClient(apiUrl, Duration.ofSeconds(5)), EnhancedHealthCheck.Limits.defaults())
            .run();
    boolean failed = checks.stream().anyMatch(c -> c.status().equals("fail"));
    if (json) {
      System.out.println(
          Json.mapper()
              .writeValueAsString(
                  Map.of(
                      "api_url",
                      apiUrl,
                      "environment",
                      environment,
                      "passed",
                      !failed,
                      "checks",
                      checks)));
    } else {
      System.out.println("enhanced health check: " + apiUrl + " (" + environment + ")");
      checks.forEach(
          c ->
              System.out.printf(
                  "  %-5s %-20s %s%n",
                  c.status().toUpperCase(java.util.Locale.ROOT), c.name(), c.detail()));
      System.out.println(failed ? "FAILED" : "PASSED");
    }
    return failed ? 1 : 0;
  }
}
