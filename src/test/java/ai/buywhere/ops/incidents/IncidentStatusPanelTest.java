package ai.buywhere.ops.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.api.ApiServer;
import ai.buywhere.ops.TestHttp;
import ai.buywhere.ops.metrics.Metrics;
import ai.buywhere.ops.metrics.StatusPageRoutes;
import ai.buywhere.shared.Json;
import ai.buywhere.store.Dialect;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read-only incidents panel of /status and /status.json, rendered by headless Chromium. */
class IncidentStatusPanelTest {
  @TempDir Path dir;

  @Test
  void panelShowsOpenAndRecentlyResolvedIncidents() throws Exception {
    try (IncidentFixture f =
        new IncidentFixture(Dialect.SQLITE, dir, Instant.parse("2026-04-23T04:00:00Z"), Map.of())) {
      f.service().open("P1", "API <down>", "all US traffic", "t");
      f.service().open("P3", "Slow deals", null, "t");
      f.service().resolve("INC-2", "t", null);
      f.service().open("P4", "Old typo", null, "t");
      f.service().resolve("INC-3", "t", null);
      f.clock.advance(Duration.ofHours(25)); // INC-3 resolved > 24 h ago; INC-2 too
      f.service().open("P2", "Auth slow", null, "t");
      f.service().resolve("INC-4", "t", null);

      ApiServer server =
          new ApiServer(
                  ApiServer.Options.of("127.0.0.1", 0),
                  List.of(new StatusPageRoutes(new Metrics(f.clock), f.incidents::statusView)))
              .start();
      try {
        String base = "http://127.0.0.1:" + server.port();
        JsonNode json = Json.mapper().readTree(TestHttp.get(base + "/status.json").body());
        assertThat(json.get("incidents").findValuesAsText("id")).containsExactly("INC-1", "INC-4");
        assertThat(json.at("/incidents/0/status").asText()).isEqualTo("open");
        assertThat(json.at("/incidents/0").has("commander")).isFalse();
        assertThat(json.has("panels")).isTrue();

        List<String> cmd =
            new ArrayList<>(
                List.of(
                    "chromium",
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--user-data-dir=" + dir.resolve("chrome-profile"),
                    "--dump-dom",
                    "--virtual-time-budget=10000",
                    base + "/status"));
        String dom = TestHttp.run(cmd, null).output();
        assertThat(dom)
            .contains("id=\"panel-incidents\"")
            .contains("INC-1 P1 API &lt;down&gt;")
            .contains("all US traffic")
            .contains("class=\"v crit\">open")
            .contains("INC-4 P2 Auth slow")
            .doesNotContain("Slow deals")
            .doesNotContain("INC-3");
      } finally {
        server.stop();
      }
    }
  }
}
