package ai.buywhere.ops.health;

import java.util.Map;

/** The outcome of one check: a status and a few details for the operator (no secrets). */
public record CheckResult(Status status, String message, Map<String, Object> details) {
  /** {@code not_configured} marks a component this deployment does not use. */
  public enum Status {
    OK,
    DEGRADED,
    DOWN,
    NOT_CONFIGURED;

    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public CheckResult {
    details = details == null ? Map.of() : Map.copyOf(details);
  }

  public static CheckResult ok(Map<String, Object> details) {
    return new CheckResult(Status.OK, null, details);
  }

  public static CheckResult degraded(String message, Map<String, Object> details) {
    return new CheckResult(Status.DEGRADED, message, details);
  }

  public static CheckResult down(String message) {
    return new CheckResult(Status.DOWN, message, Map.of());
  }

  public static CheckResult notConfigured() {
    return new CheckResult(Status.NOT_CONFIGURED, null, Map.of());
  }
}
