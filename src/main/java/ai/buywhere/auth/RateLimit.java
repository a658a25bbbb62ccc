package ai.buywhere.auth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tier's allowance: requests per minute and per day. {@code 0} in either field means no limit of
 * that kind; both zero is unlimited (the partner tier's default).
 */
public record RateLimit(long perMinute, long perDay) {
  public static final RateLimit UNLIMITED = new RateLimit(0, 0);

  public RateLimit {
    if (perMinute < 0 || perDay < 0) {
      throw new IllegalArgumentException("rate limits cannot be negative");
    }
  }

  public boolean unlimited() {
    return perMinute == 0 && perDay == 0;
  }

  /** The contract's {@code rate_limit} object; an unlimited field is {@code null}. */
  public Map<String, Object> toWire() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rpm", perMinute == 0 ? null : perMinute);
    m.put("daily", perDay == 0 ? null : perDay);
    return m;
  }
}
