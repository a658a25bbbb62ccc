package ai.buywhere.ops.deploy;

import ai.buywhere.shared.Json;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code buywhere smoke-test}: the deployment runbook's pre-deploy-smoke-test.sh. */
@Command(
    name = "smoke-test",
    mixinStandardHelpOptions = true,
    description = "Run the critical user journeys against a deployment; exit 1 on any failure.")
public final class SmokeTestCommand implements Callable<Integer> {
  @Option(
      names = "--base-url",
      required = true,
      description = "Base URL, e.g. https://api-staging.buywhere.io")
  String baseUrl;

  @Option(
      names = "--api-key",
      description = "Use this key instead of registering (env BUYWHERE_API_KEY).")
  String apiKey;

  @Option(
      names = "--query",
      defaultValue = "headphones",
      description = "Search query of the journeys (default ${DEFAULT-VALUE}).")
  String query;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    String key = apiKey != null ? apiKey : System.getenv("BUYWHERE_API_KEY");
    List<SmokeTest.Step> steps =
        new SmokeTest(new ApiClient(baseUrl, Duration.ofSeconds(10)), key, query).run();
    boolean failed = steps.stream().anyMatch(SmokeTest.Step::failed);
    if (json) {
      System.out.println(
          Json.mapper()
              .writeValueAsString(
                  java.util.Map.of("base_url", baseUrl, "passed", !failed, "steps", steps)));
    } else {
      System.out.println("smoke test against " + baseUrl);
      for (SmokeTest.Step s : steps) {
        System.out.printf(
            "  %-8s %-36s %6d ms  %s%n",
            s.status().toUpperCase(java.util.Locale.ROOT), s.name(), s.millis(), s.detail());
      }
      System.out.println(failed ? "FAILED" : "PASSED");
    }
    return failed ? 1 : 0;
  }
}
