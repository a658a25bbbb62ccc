package ai.buywhere.ops.alerts;

import java.time.Duration;
import java.util.Map;

/**
 * One rule: every series of {@code metric} whose labels match {@code labels} (values may be globs,
 * {@code us_*}) is compared with the {@code warning} and {@code critical} thresholds ({@code op}
 * {@code >} or {@code <}); a breach lasting {@code forDuration} fires. A level whose threshold is
 * null does not exist. {@code severity} maps level → P1..P4. {@code promql} replaces the plain
 * metric selector in the Prometheus export when set.
 */
public record AlertRule(
    String name,
    String summary,
    String metric,
    Map<String, String> labels,
    String op,
    Double warning,
    Double critical,
    Duration forDuration,
    Map<Level, String> severity,
    String team,
    String channel,
    String action,
    String promql,
    boolean enabled) {

  /** The two threshold levels of a rule. */
  public enum Level {
    WARNING,
    CRITICAL;

    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public AlertRule {
    labels = Map.copyOf(labels);
    severity = Map.copyOf(severity);
  }

  public Double threshold(Level level) {
    return level == Level.WARNING ? warning : critical;
  }

  public boolean breached(Level level, double value) {
    Double t = threshold(level);
    if (t == null || Double.isNaN(value)) {
      return false;
    }
    return op.equals(">") ? value > t : value < t;
  }

  /** Whether a series with these labels belongs to this rule. */
  public boolean matches(Map<String, String> seriesLabels) {
    for (Map.Entry<String, String> m : labels.entrySet()) {
      String v = seriesLabels.get(m.getKey());
      if (v == null || !Globs.matches(m.getValue(), v)) {
        return false;
      }
    }
    return true;
  }
}
