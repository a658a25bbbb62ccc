package ai.buywhere.ops.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The deployment runbook's enhanced health check (R41) against a deployment URL: core endpoints
 * (health, ready, metrics), health JSON fields, database, Redis, PgBouncer, connection-pool usage,
 * replication lag, backup age and start-up time, each as pass / warn / fail / n/a. Dependencies a
 * deployment does not use (no Redis, no replica) are reported n/a, not failed.
 */
final class EnhancedHealthCheck {
  record Check(String name, String status, String detail) {}

  /** Limits; defaults are the runbooks' warning/critical levels. */
  record Limits(
      double poolWarnPct,
      double poolFailPct,
      double lagWarnS,
      double lagFailS,
      double backupWarnH,
      double backupFailH,
      double startupWarnS) {
    static Limits defaults() {
      return new Limits(70, 90, 30, 60, 24, 48, 60);
    }
  }

  private final ApiClient api;
  private final Limits limits;

  EnhancedHealthCheck(ApiClient api, Limits limits) {
    this.api = api;
    this.limits = limits;
  }

  List<Check> run() throws InterruptedException {
    List<Check> out = new ArrayList<>();
    JsonNode health = null;
    try {
      ApiClient.Reply h = api.get("/health");
      health = h.json();
      out.add(
          new Check(
              "endpoint /health",
              h.status() == 200 ? "pass" : "fail",
              "HTTP " + h.status() + " in " + h.millis() + " ms"));
    } catch (IOException e) {
      out.add(new Check("endpoint /health", "fail", "unreachable: " + e));
      return out;
    }
    out.add(endpoint("/ready"));
    List<MetricSample> metrics = List.of();
    try {
      ApiClient.Reply m = api.get("/metrics");
      metrics = m.status() == 200 ? PrometheusText.parse(m.body()) : List.of();
      boolean names =
          has(metrics, "http_requests_total")
              && has(metrics, "http_request_duration_seconds_bucket");
      out.add(
          new Check(
              "endpoint /metrics",
              m.status() == 200 && names ? "pass" : "fail",
              m.status() == 200
                  ? (names
                      ? metrics.size() + " samples"
                      : "missing http_requests_total / http_request_duration_seconds")
                  : "HTTP " + m.status()));
    } catch (IOException e) {
      out.add(new Check("endpoint /metrics", "fail", "unreachable: " + e));
    }
    out.add(healthFields(health));
    out.add(component(health, "db", "database", true));
    out.add(component(health, "redis", "redis", false));
    out.add(pgbouncer(metrics));
    out.add(pool(metrics));
    out.add(
        threshold(
            metrics,
            "pg_replication_lag_seconds",
            "replication lag",
            "s",
            limits.lagWarnS(),
            limits.lagFailS(),
            1));
    out.add(
        threshold(
            metrics,
            "buywhere_backup_age_seconds",
            "backup age",
            "h",
            limits.backupWarnH(),
            limits.backupFailH(),
            3600));
    out.add(startup(metrics));
    return out;
  }

  private Check endpoint(String path) throws InterruptedException {
    try {
      ApiClient.Reply r = api.get(path);
      return new Check(
          "endpoint " + path, r.status() == 200 ? "pass" : "fail", "HTTP " + r.status());
    } catch (IOException e) {
      return new Check("endpoint " + path, "fail", "unreachable: " + e);
    }
  }

  private static Check healthFields(JsonNode h) {
    if (h == null) {
      return new Check("health JSON fields", "fail", "/health did not return JSON");
    }
    List<String> missing = new ArrayList<>();
    for (String f : List.of("status", "version", "uptime_s", "checks")) {
      if (!h.has(f)) {
        missing.add(f);
      }
    }
    String status = h.path("status").asText();
    if (!missing.isEmpty()) {
      return new Check("health JSON fields", "fail", "missing " + missing);
    }
    return new Check(
        "health JSON fields",
        status.equals("ok") ? "pass" : status.equals("degraded") ? "warn" : "fail",
        "status " + status);
  }

  private static Check component(JsonNode h, String key, String name, boolean required) {
    JsonNode c = h == null ? null : h.path("checks").get(key);
    if (c == null || c.isNull()) {
      return new Check(
          name,
          required ? "fail" : "n/a",
          required ? "no '" + key + "' check in /health" : "not configured");
    }
    String s = c.isObject() ? c.path("status").asText() : c.asText();
    return new Check(
        name, s.equals("ok") ? "pass" : s.equals("degraded") ? "warn" : "fail", c.toString());
  }

  private Check pgbouncer(List<MetricSample> m) {
    Optional<Double> used = sum(m, "pgbouncer_pool_usage_ratio");
    if (used.isEmpty()) {
      return new Check(
          "pgbouncer", "n/a", "no pgbouncer_pool_usage_ratio metric (PGBOUNCER_ADMIN_URL not set)");
    }
    double pct = used.get() * 100;
    return new Check(
        "pgbouncer",
        pct > 85 ? "fail" : pct > 70 ? "warn" : "pass",
        String.format("pool usage %.0f%%", pct));
  }

  private Check pool(List<MetricSample> m) {
    Optional<Double> out = sum(m, "db_connection_pool_checked_out");
    Optional<Double> size = sum(m, "db_connection_pool_size");
    if (out.isEmpty() || size.isEmpty() || size.get() <= 0) {
      return new Check(
          "connection pool",
          "fail",
          "db_connection_pool_checked_out / db_connection_pool_size missing");
    }
    double pct = 100 * out.get() / size.get();
    return new Check(
        "connection pool",
        pct > limits.poolFailPct() ? "fail" : pct > limits.poolWarnPct() ? "warn" : "pass",
        String.format("%.0f of %.0f in use (%.0f%%)", out.get(), size.get(), pct));
  }

  private static Check threshold(
      List<MetricSample> m,
      String metric,
      String name,
      String unit,
      double warn,
      double fail,
      double divisor) {
    Optional<Double> v = max(m, metric);
    if (v.isEmpty()) {
      return new Check(name, "n/a", "no " + metric + " metric");
    }
    double value = v.get() / divisor;
    if (value < 0) {
      return new Check(name, "fail", metric + " = " + v.get() + " (disconnected)");
    }
    return new Check(
        name,
        value > fail ? "fail" : value > warn ? "warn" : "pass",
        String.format("%.1f %s", value, unit));
  }

  private Check startup(List<MetricSample> m) {
    Optional<Double> ready = max(m, "application_ready_time_seconds");
    Optional<Double> started = max(m, "application_started_time_seconds");
    Optional<Double> s = ready.isPresent() ? ready : started;
    if (s.isEmpty()) {
      return new Check("start-up time", "n/a", "no application_ready_time_seconds metric");
    }
    return new Check(
        "start-up time",
        s.get() > limits.startupWarnS() ? "warn" : "pass",
        String.format("%.1f s", s.get()));
  }

  private static boolean has(List<MetricSample> m, String name) {
    return m.stream().anyMatch(s -> s.name().equals(name));
  }

  private static Optional<Double> sum(List<MetricSample> m, String name) {
    return m.stream()
        .filter(s -> s.name().equals(name))
        .map(MetricSample::value)
        .reduce(Double::sum);
  }

  private static Optional<Double> max(List<MetricSample> m, String name) {
    return m.stream()
        .filter(s -> s.name().equals(name))
        .map(MetricSample::value)
        .reduce(Double::max);
  }
}
