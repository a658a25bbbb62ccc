package ai.buywhere.ops.incidents;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * SLA timers, announcement channels, escalation chains and the rotation, as data ({@code
 * ops/incident-policy.yml} plus {@code INCIDENT_POLICY_FILE}; see {@link IncidentPolicyLoader}).
 */
public record IncidentPolicy(
    Map<Severity, Sla> sla,
    Map<Severity, Channels> channels,
    Map<Severity, Chain> escalation,
    Rotation rotation) {

  public IncidentPolicy {
    sla = Map.copyOf(sla);
    channels = Map.copyOf(channels);
    escalation = Map.copyOf(escalation);
  }

  /** SLA stages; a null stage is not timed. */
  public enum Stage {
    ACKNOWLEDGE,
    ENGAGE,
    RESOLVE;

    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Time allowed from opening to each stage. */
  public record Sla(Duration acknowledge, Duration engage, Duration resolve) {
    public Duration of(Stage stage) {
      return switch (stage) {
        case ACKNOWLEDGE -> acknowledge;
        case ENGAGE -> engage;
        case RESOLVE -> resolve;
      };
    }
  }

  /** Slack channel and whether PagerDuty is paged. */
  public record Channels(String slack, boolean pagerduty) {}

  /** When a chain stops: on acknowledgement, or only on resolution. */
  public enum StopOn {
    ACKNOWLEDGED,
    RESOLVED
  }

  /** An escalation chain: steps in order. */
  public record Chain(StopOn stopOn, List<Step> steps) {
    public Chain {
      steps = List.copyOf(steps);
    }
  }

  /**
   * One step: notify {@code target} ({@code @primary}/{@code @secondary} resolve through the
   * rotation) once {@code after} has passed since opening, or with {@code at} at the next such
   * wall-clock time in the rotation's zone after opening.
   */
  public record Step(Duration after, LocalTime at, String target, String label) {
    /** When this step is due for an incident opened at {@code opened}. */
    public Instant dueAt(Instant opened, Rotation rotation) {
      if (at == null) {
        return opened.plus(after);
      }
      ZonedDateTime o = opened.atZone(rotation.zone());
      ZonedDateTime candidate = ZonedDateTime.of(o.toLocalDate(), at, rotation.zone());
      if (!candidate.isAfter(o)) {
        candidate = ZonedDateTime.of(o.toLocalDate().plusDays(1), at, rotation.zone());
      }
      return candidate.toInstant();
    }

    /** How the step reads on a timeline: {@code @cto} or {@code @channel (all hands)}. */
    public String describe() {
      return label == null ? target : target + " (" + label + ")";
    }
  }

  public Sla sla(Severity s) {
    return sla.get(s);
  }

  public Chain chain(Severity s) {
    return escalation.get(s);
  }

  public Channels channels(Severity s) {
    return channels.get(s);
  }

  /** The person a step pages at {@code when}: rotation names are resolved, others kept. */
  public String resolveTarget(String target, Instant when) {
    return switch (target) {
      case "@primary" -> rotation.at(when).primary();
      case "@secondary" -> rotation.at(when).secondary();
      default -> target;
    };
  }
}
