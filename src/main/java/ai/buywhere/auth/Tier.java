package ai.buywhere.auth;

import ai.buywhere.api.ApiException;
import java.util.Locale;

/**
 * A key's commercial tier: it decides the key's prefix and its rate limits ({@link AuthConfig}).
 */
public enum Tier {
  FREE,
  LIVE,
  PARTNER;

  /** The name on the wire and in settings: {@code free}, {@code live}, {@code partner}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every key of this tier starts with this, e.g. {@code bw_free_}. */
  public String keyPrefix() {
    return "bw_" + wire() + "_";
  }

  /** Parses a wire name; {@code param} names the input in the 400 it throws. */
  public static Tier parse(String param, String value) {
    if (value != null) {
      for (Tier t : values()) {
        if (t.wire().equalsIgnoreCase(value.trim())) {
          return t;
        }
      }
    }
    throw ApiException.invalid(param, "must be one of free, live, partner; got '" + value + "'");
  }
}
