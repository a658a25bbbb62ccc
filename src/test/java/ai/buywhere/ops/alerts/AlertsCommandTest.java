package ai.buywhere.ops.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.ops.TestHttp;
import ai.buywhere.store.Database;
import ai.buywhere.store.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AlertsCommandTest {
  @TempDir Path dir;

  private String run(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new AlertsCommand());
    cl.setOut(new PrintWriter(out));
    assertThat(cl.execute(args)).isZero();
    return out.toString();
  }

  @Test
  void listShowsPersistedStatesAndRules() {
    try (Database db = Database.open(TestDatabases.sqlite(dir).config(), "cli-test").migrate()) {
      AlertState s =
          new AlertState(
              "DiskSpace/warning{}",
              "DiskSpace",
              AlertRule.Level.WARNING,
              Map.of("path", "/data"),
              AlertState.Phase.FIRING,
              0.75,
              1_000L,
              2_000L,
              null,
              2_000L);
      assertThat(new AlertStateRepository(db).start(s)).isTrue();
    }
    String list = run("list", "--data-dir", dir.toString());
    assertThat(list)
        .contains("20 rules loaded; 1 firing, 0 pending")
        .contains("DiskSpace")
        .contains("firing")
        .contains("0.75");
    assertThat(run("list", "--json", "--data-dir", dir.toString()))
        .contains("\"state\" : \"firing\"");
    assertThat(run("list", "--rules", "--data-dir", dir.toString()))
        .contains("ApiErrorRate")
        .contains("error_rate")
        .contains("P2/P1")
        .contains("#us-alerts");
  }

  @Test
  void exportedRulesAndTheShippedPrometheusAndAlertmanagerConfigsPassTheirCheckers()
      throws Exception {
    Path rules = dir.resolve("buywhere-rules.yml");
    run("export-prometheus", "-o", rules.toString());
    assertThat(TestHttp.run(List.of("promtool", "check", "rules", rules.toString()), null).exit())
        .isZero();
    assertThat(run("export-prometheus")).isEqualTo(Files.readString(rules));

    // the shipped rules file (mounted by docker-compose.prod.yml) is the current export
    assertThat(Files.readString(Path.of("deploy/prometheus/rules/buywhere.yml")))
        .isEqualTo(Files.readString(rules));

    Path promConfig = dir.resolve("prometheus.yml");
    Files.writeString(
        promConfig,
        Files.readString(Path.of("deploy/prometheus/prometheus.yml"))
            .replace("/etc/prometheus/rules/*.yml", dir.resolve("*-rules.yml").toString()));
    TestHttp.Run config =
        TestHttp.run(List.of("promtool", "check", "config", promConfig.toString()), null);
    assertThat(config.exit()).as(config.output()).isZero();
    assertThat(config.output()).contains("38 rules found");

    TestHttp.Run am =
        TestHttp.run(
            List.of("amtool", "check-config", "deploy/alertmanager/alertmanager.yml"), null);
    assertThat(am.exit()).as(am.output()).isZero();
    assertThat(am.output()).contains("SUCCESS");
  }
}
