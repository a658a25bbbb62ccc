package ai.buywhere.ops.health;

import java.util.LinkedHashMap;
import java.util.Map;

/** One probe's outcome; {@link #toJson()} is the wire shape of {@code GET /health}. */
public record HealthReport(
    String status,
    String version,
    long uptimeS,
    Map<String, CheckResult> checks,
    Freshness freshness) {

  public boolean unhealthy() {
    return status.equals("unhealthy");
  }

  /** A snake_case map for JSON serialisation. */
  public Map<String, Object> toJson() {
    Map<String, Object> checkJson = new LinkedHashMap<>();
    checks.forEach(
        (name, r) -> {
          Map<String, Object> c = new LinkedHashMap<>();
          c.put("status", r.status().wire());
          if (r.message() != null) {
            c.put("message", r.message());
          }
          c.putAll(r.details());
          checkJson.put(name, c);
        });
    Map<String, Object> fresh = new LinkedHashMap<>();
    fresh.put("sources_fresh", freshness.sourcesFresh());
    fresh.put("sources_stale", freshness.sourcesStale());
    fresh.put("oldest_last_run_age_h", freshness.oldestLastRunAgeH());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", status);
    out.put("version", version);
    out.put("uptime_s", uptimeS);
    out.put("checks", checkJson);
    out.put("freshness", fresh);
    return out;
  }
}
