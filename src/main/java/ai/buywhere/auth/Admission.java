package ai.buywhere.auth;

import java.util.Map;

/** An admitted request: who it is and the rate-limit headers to put on the response. */
public record Admission(Principal principal, RateLimitDecision rateLimit) {
  public Map<String, String> headers() {
    return rateLimit.headers();
  }
}
