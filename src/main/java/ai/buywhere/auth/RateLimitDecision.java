package ai.buywhere.auth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of one rate-limit check and the headers every response carries:
 *
 * <ul>
 *   <li>{@code X-RateLimit-Limit}: the per-minute limit (the per-window limit for other buckets;
 *       {@code unlimited} for unlimited tiers);
 *   <li>{@code X-RateLimit-Remaining}: requests left before a 429, the smaller of the minute bucket
 *       and the daily quota;
 *   <li>{@code X-RateLimit-Reset}: seconds until the window's allowance is fully back (when
 *       rejected: until the next request is allowed);
 *   <li>{@code Retry-After} (only when rejected): seconds to wait, at least 1.
 * </ul>
 */
public record RateLimitDecision(
    boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {

  static RateLimitDecision unlimited() {
    return new RateLimitDecision(true, -1, -1, 0, 0);
  }

  public boolean isUnlimited() {
    return limit < 0;
  }

  public Map<String, String> headers() {
    Map<String, String> h = new LinkedHashMap<>();
    if (isUnlimited()) {
      h.put("X-RateLimit-Limit", "unlimited");
      h.put("X-RateLimit-Remaining", "unlimited");
      h.put("X-RateLimit-Reset", "0");
      return h;
    }
    h.put("X-RateLimit-Limit", Long.toString(limit));
    h.put("X-RateLimit-Remaining", Long.toString(remaining));
    h.put("X-RateLimit-Reset", Long.toString(resetSeconds));
    if (!allowed) {
      h.put("Retry-After", Long.toString(retryAfterSeconds));
    }
    return h;
  }
}
