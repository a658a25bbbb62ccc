package ai.buywhere.ops.deploy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The deployment circuit breaker of the deployment runbook: {@code closed} while checks pass;
 * {@code open} after the configured number of consecutive failed checks, or at once on a critical
 * 5xx burst. An open breaker blocks further deployments until it is reset. Immutable: every
 * transition returns a new state, which {@link DeployStateStore} persists as JSON.
 */
record CircuitBreaker(
    @JsonProperty("environment") String environment,
    @JsonProperty("state") String state,
    @JsonProperty("consecutive_failures") int consecutiveFailures,
    @JsonProperty("failure_threshold") int failureThreshold,
    @JsonProperty("opened_at") Instant openedAt,
    @JsonProperty("open_reason") String openReason,
    @JsonProperty("updated_at") Instant updatedAt) {

  static final String CLOSED = "closed";
  static final String OPEN = "open";

  static CircuitBreaker closed(String environment, int threshold, Instant now) {
    return new CircuitBreaker(environment, CLOSED, 0, threshold, null, null, now);
  }

  boolean isOpen() {
    return OPEN.equals(state);
  }

  /** A passing check resets the failure count (an open breaker stays open until reset). */
  CircuitBreaker onSuccess(Instant now) {
    return new CircuitBreaker(
        environment,
        state,
        isOpen() ? consecutiveFailures : 0,
        failureThreshold,
        openedAt,
        openReason,
        now);
  }

  /** A failed check; opens when the count reaches the threshold or when {@code critical}. */
  CircuitBreaker onFailure(String reason, boolean critical, Instant now) {
    if (isOpen()) {
      return new CircuitBreaker(
          environment, OPEN, consecutiveFailures + 1, failureThreshold, openedAt, openReason, now);
    }
    int failures = consecutiveFailures + 1;
    if (critical || failures >= failureThreshold) {
      String why = critical ? "critical: " + reason : failures + " consecutive failures: " + reason;
      return new CircuitBreaker(environment, OPEN, failures, failureThreshold, now, why, now);
    }
    return new CircuitBreaker(environment, CLOSED, failures, failureThreshold, null, null, now);
  }
}
