package ai.buywhere.auth;

import ai.buywhere.api.ApiException;
import java.util.Locale;

/**
 * What a key may do: {@code agent} keys call {@code /v1} and {@code /mcp}; {@code admin} keys also
 * reach {@code /admin}.
 */
public enum Role {
  AGENT,
  ADMIN;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name; {@code param} names the input in the 400 it throws. */
  public static Role parse(String param, String value) {
    if (value != null) {
      for (Role r : values()) {
        if (r.wire().equalsIgnoreCase(value.trim())) {
          return r;
        }
      }
    }
    throw ApiException.invalid(param, "must be agent or admin; got '" + value + "'");
  }
}
