package ai.buywhere.ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-deploy smoke test against a real server: every journey (OpenAPI document, register,
 * search, deals, detail, compare, prices, categories, MCP initialize + tool call) passes on a
 * healthy deployment and each REST response matches our OpenAPI document; with injected 5xx the
 * journeys fail and the command would exit non-zero.
 */
class SmokeTestAgainstServerTest {
  @TempDir Path dir;

  @Test
  void allJourneysPassOnAHealthyDeploymentAndFailUnderInjectedErrors() throws Exception {
    try (LiveDeployment live = new LiveDeployment(dir.resolve("node"))) {
      List<SmokeTest.Step> steps =
          new SmokeTest(new ApiClient(live.url(), Duration.ofSeconds(10)), null, "headphones")
              .run();
      assertThat(steps)
          .extracting(SmokeTest.Step::name)
          .contains(
              "openapi document",
              "register",
              "search",
              "deals",
              "product detail",
              "compare",
              "prices",
              "categories",
              "mcp initialize + search_products");
      assertThat(steps).filteredOn(SmokeTest.Step::failed).as(steps.toString()).isEmpty();

      live.inject(0, 1.0);
      List<SmokeTest.Step> failing =
          new SmokeTest(new ApiClient(live.url(), Duration.ofSeconds(10)), live.key, "headphones")
              .run();
      assertThat(failing)
          .filteredOn(s -> s.name().equals("search"))
          .singleElement()
          .satisfies(s -> assertThat(s.status()).isEqualTo("fail"))
          .satisfies(s -> assertThat(s.detail()).contains("503"));
    }
  }
}
