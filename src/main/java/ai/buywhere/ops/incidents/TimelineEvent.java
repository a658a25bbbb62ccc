package ai.buywhere.ops.incidents;

/** One line of an incident's timeline: what happened, when (epoch millis), who did it. */
public record TimelineEvent(int n, long at, Type type, String actor, String message) {
  /** What can happen to an incident. */
  public enum Type {
    OPENED,
    ALERT_FIRED,
    ALERT_RESOLVED,
    NOTIFIED,
    ACKNOWLEDGED,
    ENGAGED,
    NOTE,
    ESCALATED,
    SLA_BREACHED,
    RESOLVED;

    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
