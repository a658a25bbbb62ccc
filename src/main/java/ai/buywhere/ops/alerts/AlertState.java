package ai.buywhere.ops.alerts;

import java.util.Map;

/**
 * The persisted state of one alert instance (rule × level × label set). Times are epoch millis;
 * {@code firedAt}/{@code resolvedAt} are null until those transitions happen.
 */
public record AlertState(
    String key,
    String rule,
    AlertRule.Level level,
    Map<String, String> labels,
    Phase phase,
    double value,
    long activeSince,
    Long firedAt,
    Long resolvedAt,
    long updatedAt) {

  /** Pending: breached, waiting for the rule's {@code for}; firing: notified; resolved: over. */
  public enum Phase {
    PENDING,
    FIRING,
    RESOLVED;

    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public AlertState {
    labels = Map.copyOf(labels);
  }

  AlertState with(Phase p, double v, Long fired, Long resolved, long now) {
    return new AlertState(key, rule, level, labels, p, v, activeSince, fired, resolved, now);
  }
}
