package ai.buywhere.ops.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.buywhere.app.Settings;
import ai.buywhere.ops.TestHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertRulesTest {
  @TempDir Path dir;

  @Test
  void shippedRulesCarryTheRunbookThresholds() {
    Map<String, AlertRule> rules = new java.util.HashMap<>();
    AlertRules.defaults().forEach(r -> rules.put(r.name(), r));
    assertThat(rules.keySet())
        .contains(
            "ApiLatencyP50",
            "ApiLatencyP95",
            "ApiLatencyP99",
            "ApiErrorRate",
            "ApiRequestRate",
            "ApiCpuUtilization",
            "IngestionLastRunAge",
            "IngestionErrorRate",
            "IngestionQualityScore",
            "IngestionStaleData",
            "FleetUnhealthyScrapers",
            "FleetErrorConcentration",
            "ReplicationLag",
            "DbConnections",
            "RedisMemory",
            "DiskSpace",
            "BackupAge");
    assertThat(rules.get("ApiErrorRate").warning()).isEqualTo(0.005);
    assertThat(rules.get("ApiErrorRate").critical()).isEqualTo(0.01);
    assertThat(rules.get("ApiErrorRate").severity().get(AlertRule.Level.CRITICAL)).isEqualTo("P1");
    assertThat(rules.get("IngestionLastRunAge").critical()).isEqualTo(24.0);
    assertThat(rules.get("IngestionQualityScore").op()).isEqualTo("<");
    assertThat(rules.get("ReplicationLag").warning()).isEqualTo(30.0);
    assertThat(rules.get("BackupAge").critical()).isEqualTo(48 * 3600.0);
    assertThat(rules.get("BackupAge").labels()).containsEntry("tier", "daily");
    assertThat(rules.get("PgBouncerPoolUsage").critical()).isEqualTo(0.85);
    assertThat(rules.values())
        .allSatisfy(
            r -> {
              assertThat(r.forDuration().isNegative()).isFalse();
              assertThat(r.channel()).startsWith("#");
            });
  }

  @Test
  void userFileOverridesDisablesAndAdds() throws Exception {
    Path f = dir.resolve("override.yml");
    Files.writeString(
        f,
        """
        rules:
          - {name: ApiErrorRate, metric: error_rate, warning: 0.02, critical: 0.05, for: 1m}
          - {name: RedisMemory, metric: redis_memory_used_ratio, warning: 0.7, enabled: false}
          - {name: CustomQueueDepth, metric: queue_depth, critical: 100, for: 30s, channel: "#ops"}
        """);
    List<AlertRule> rules =
        AlertRules.load(Settings.of(Map.of("ALERT_RULES_FILE", f.toString()), Map.of()));
    assertThat(rules)
        .extracting(AlertRule::name)
        .doesNotContain("RedisMemory")
        .contains("CustomQueueDepth", "BackupAge");
    AlertRule er =
        rules.stream().filter(r -> r.name().equals("ApiErrorRate")).findFirst().orElseThrow();
    assertThat(er.warning()).isEqualTo(0.02);
    assertThat(er.forDuration()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void invalidRulesNameTheProblem() throws Exception {
    Path f = dir.resolve("bad.yml");
    Files.writeString(f, "rules:\n  - {name: Bad, metric: x, warning: 1, for: soon}\n");
    assertThatThrownBy(
            () -> AlertRules.load(Settings.of(Map.of("ALERT_RULES_FILE", f.toString()), Map.of())))
        .isInstanceOf(AlertRulesException.class)
        .hasMessageContaining("rule Bad")
        .hasMessageContaining("'for'");
    Files.writeString(f, "rules:\n  - {name: Bad, metric: x, warning: high}\n");
    assertThatThrownBy(
            () -> AlertRules.load(Settings.of(Map.of("ALERT_RULES_FILE", f.toString()), Map.of())))
        .hasMessageContaining("'warning' must be a number");
    assertThatThrownBy(
            () ->
                AlertRules.load(
                    Settings.of(
                        Map.of("ALERT_RULES_FILE", dir.resolve("none.yml").toString()), Map.of())))
        .hasMessageContaining("ALERT_RULES_FILE");
  }

  @Test
  void prometheusExportPassesPromtool() throws Exception {
    String text = PrometheusRulesExporter.export(AlertRules.defaults());
    assertThat(text)
        .contains("alert: ApiErrorRateCritical")
        .contains("hours_since_last_run{source=~\\\"us_.*\\\"} > 24")
        .contains("priority: P1");
    Path f = dir.resolve("rules.yml");
    Files.writeString(f, text);
    TestHttp.Run check = TestHttp.run(List.of("promtool", "check", "rules", f.toString()), null);
    assertThat(check.exit()).as(check.output()).isZero();
    assertThat(check.output()).contains("SUCCESS: 38 rules found");
  }
}
