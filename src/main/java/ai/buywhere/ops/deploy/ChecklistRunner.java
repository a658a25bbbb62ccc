package ai.buywhere.ops.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Runs a checklist's automatable items against a deployment (R46) and merges the manual sign-offs.
 * Each automatable item gets pass / fail with evidence; an item without a check is "signed" when
 * someone signed it, else "pending".
 */
final class ChecklistRunner {
  /** One rendered row of the checklist. */
  record Row(String phase, String id, String text, String owner, String status, String evidence) {}

  private final ApiClient api;
  private final ApiClient admin;
  private final String smokeQuery;

  ChecklistRunner(ApiClient api, ApiClient admin, String smokeQuery) {
    this.api = api;
    this.admin = admin;
    this.smokeQuery = smokeQuery;
  }

  List<Row> run(Checklist list, String phaseFilter, Map<String, ChecklistSignoffs.Signoff> signoffs)
      throws InterruptedException {
    List<Row> rows = new java.util.ArrayList<>();
    List<MetricSample> metrics = null;
    for (Checklist.Phase p : list.phases()) {
      if (phaseFilter != null && !phaseFilter.equals(p.id())) {
        continue;
      }
      for (Checklist.Item i : p.items()) {
        ChecklistSignoffs.Signoff s = signoffs.get(i.id());
        if (i.check() == null) {
          rows.add(
              new Row(
                  p.id(),
                  i.id(),
                  i.text(),
                  p.owner(),
                  s == null ? "pending" : "signed",
                  s == null
                      ? "needs sign-off"
                      : "signed by "
                          + s.by()
                          + " at "
                          + s.at()
                          + (s.note() == null ? "" : ": " + s.note())));
          continue;
        }
        if (metrics == null) {
          metrics = metrics();
        }
        String[] result = check(i.check(), metrics);
        rows.add(new Row(p.id(), i.id(), i.text(), p.owner(), result[0], result[1]));
      }
    }
    return rows;
  }

  private List<MetricSample> metrics() throws InterruptedException {
    try {
      ApiClient.Reply r = api.get("/metrics");
      return r.status() == 200 ? PrometheusText.parse(r.body()) : List.of();
    } catch (IOException e) {
      return List.of();
    }
  }

  private String[] check(String kind, List<MetricSample> m) throws InterruptedException {
    try {
      return switch (kind) {
        case "health" -> {
          ApiClient.Reply r = api.get("/health");
          String status = r.json() == null ? "?" : r.json().path("status").asText();
          yield result(
              r.status() == 200 && status.equals("ok"),
              "/health HTTP " + r.status() + ", status " + status);
        }
        case "replication_lag" ->
            metricBelow(m, "pg_replication_lag_seconds", 30, "s replication lag");
        case "backup_verified" -> {
          Double failed = value(m, "buywhere_backup_verification_failed");
          Double age = value(m, "buywhere_backup_age_seconds");
          if (failed == null || age == null) {
            yield result(
                false,
                "no backup metrics (buywhere_backup_verification_failed / buywhere_backup_age_seconds)");
          }
          yield result(
              failed == 0 && age < 86_400,
              String.format(
                  "last backup %.1f h old, verification %s",
                  age / 3600, failed == 0 ? "passed" : "FAILED"));
        }
        case "alert_rules" -> {
          Double rules = value(m, "buywhere_alert_rules_loaded");
          yield result(
              rules != null && rules > 0,
              rules == null
                  ? "no buywhere_alert_rules_loaded metric"
                  : String.format("%.0f rules loaded", rules));
        }
        case "flags_default_off", "kill_switches" -> flags(kind);
        case "smoke_test" -> {
          List<SmokeTest.Step> steps = new SmokeTest(api, null, smokeQuery).run();
          long failed = steps.stream().filter(SmokeTest.Step::failed).count();
          yield result(
              failed == 0,
              failed == 0
                  ? steps.size() + " journeys passed"
                  : failed
                      + " journey(s) failed: "
                      + steps.stream()
                          .filter(SmokeTest.Step::failed)
                          .map(SmokeTest.Step::name)
                          .toList());
        }
        case "error_rate" -> {
          Double rate = value(m, "error_rate");
          yield rate == null
              ? result(false, "no error_rate metric")
              : result(rate < 0.005, String.format("error_rate %.3f%% (< 0.5%%)", rate * 100));
        }
        case "p99" -> {
          double p99 = TrafficSnapshot.of(m).quantileMillis(0.99);
          yield Double.isNaN(p99)
              ? result(false, "no traffic in http_request_duration_seconds")
              : result(p99 < 1000, String.format("P99 %.0f ms since start (< 1000 ms)", p99));
        }
        default -> result(false, "unknown check " + kind);
      };
    } catch (IOException e) {
      return result(false, "unreachable: " + e.getMessage());
    }
  }

  private String[] flags(String kind) throws IOException, InterruptedException {
    if (admin == null) {
      return result(false, "needs --admin-token (or ADMIN_TOKEN) to read /admin/feature-flags");
    }
    ApiClient.Reply r = admin.get("/admin/feature-flags");
    if (r.status() != 200 || r.json() == null) {
      return result(false, "/admin/feature-flags HTTP " + r.status());
    }
    JsonNode flags = r.json().has("data") ? r.json().get("data") : r.json().path("flags");
    List<String> names = new java.util.ArrayList<>();
    List<String> onByDefault = new java.util.ArrayList<>();
    for (JsonNode f : flags) {
      String name = f.path("flag").asText(f.path("name").asText());
      names.add(name);
      boolean isFeature = name.startsWith("feature_") && !name.equals("feature_mcp_server");
      if (isFeature && f.path("default").asBoolean(false)) {
        onByDefault.add(name);
      }
    }
    if (kind.equals("kill_switches")) {
      boolean present =
          names.contains("us_market_enabled") && names.contains("us_data_ingestion_enabled");
      return result(
          present,
          present
              ? "us_market_enabled and us_data_ingestion_enabled present"
              : "missing market kill switches in " + names);
    }
    return result(
        onByDefault.isEmpty(),
        onByDefault.isEmpty()
            ? names.size() + " flags, new features default off"
            : "default ON: " + onByDefault);
  }

  private static String[] metricBelow(
      List<MetricSample> m, String name, double limit, String unit) {
    Double v = value(m, name);
    if (v == null) {
      return result(false, "no " + name + " metric (no replica configured?)");
    }
    return result(v >= 0 && v < limit, String.format("%.1f%s (limit %.0f)", v, unit, limit));
  }

  private static Double value(List<MetricSample> m, String name) {
    return m.stream()
        .filter(s -> s.name().equals(name))
        .map(MetricSample::value)
        .reduce(Double::max)
        .orElse(null);
  }

  private static String[] result(boolean pass, String evidence) {
    return new String[] {pass ? "pass" : "fail", evidence};
  }

  /** The runbook's table form. */
  static String markdown(Checklist list, List<Row> rows) {
    StringBuilder sb = new StringBuilder("# ").append(list.title()).append(" checklist\n\n");
    sb.append("| Phase | Item | Owner | Status | Evidence |\n|---|---|---|---|---|\n");
    for (Row r : rows) {
      String mark =
          switch (r.status()) {
            case "pass", "signed" -> "✅";
            case "fail" -> "❌";
            default -> "⬜";
          };
      sb.append("| ")
          .append(r.phase())
          .append(" | ")
          .append(r.text())
          .append(" | ")
          .append(r.owner())
          .append(" | ")
          .append(mark)
          .append(' ')
          .append(r.status())
          .append(" | ")
          .append(r.evidence().replace("|", "\\|"))
          .append(" |\n");
    }
    long open =
        rows.stream()
            .filter(r -> r.status().equals("fail") || r.status().equals("pending"))
            .count();
    sb.append("\n")
        .append(open == 0 ? "All items complete." : open + " item(s) open.")
        .append('\n');
    return sb.toString();
  }
}
