package ai.buywhere.ops.incidents;

import java.util.List;

/**
 * One incident as stored. Times are epoch millis (null until the stage happened); {@code
 * escalationStep} is the index of the last escalation step notified; {@code timeline} is filled
 * when the incident is read with its events.
 */
public record Incident(
    String id,
    Severity severity,
    String title,
    String impact,
    Status status,
    String commander,
    String alertKey,
    long openedAt,
    Long acknowledgedAt,
    Long engagedAt,
    Long resolvedAt,
    int escalationStep,
    boolean ackBreached,
    boolean engageBreached,
    boolean resolveBreached,
    List<TimelineEvent> timeline) {

  /** Lifecycle: open → acknowledged → engaged → resolved. */
  public enum Status {
    OPEN,
    ACKNOWLEDGED,
    ENGAGED,
    RESOLVED;

    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Incident {
    timeline = timeline == null ? List.of() : List.copyOf(timeline);
  }

  public Incident withTimeline(List<TimelineEvent> events) {
    return new Incident(
        id,
        severity,
        title,
        impact,
        status,
        commander,
        alertKey,
        openedAt,
        acknowledgedAt,
        engagedAt,
        resolvedAt,
        escalationStep,
        ackBreached,
        engageBreached,
        resolveBreached,
        events);
  }

  public boolean breached(IncidentPolicy.Stage stage) {
    return switch (stage) {
      case ACKNOWLEDGE -> ackBreached;
      case ENGAGE -> engageBreached;
      case RESOLVE -> resolveBreached;
    };
  }

  /** When the stage was reached, or null. */
  public Long reachedAt(IncidentPolicy.Stage stage) {
    return switch (stage) {
      case ACKNOWLEDGE -> acknowledgedAt;
      case ENGAGE -> engagedAt;
      case RESOLVE -> resolvedAt;
    };
  }
}
