package ai.buywhere.auth;

import ai.buywhere.api.ApiException;
import java.util.Locale;

/**
 * What a key may do: {@code agent} keys call {@code /v1} and {@code /mcp}; {@code ingest} keys also
 * push products ({@code POST /v1/ingest/products}); {@code admin} keys do both and reach {@code
 * /admin}.
 */
public enum Role {
  AGENT,
  INGEST,
  ADMIN;

  /** Whether this role may push products through the ingest API. */
  public boolean mayPush() {
    return this == INGEST || this == ADMIN;
  }

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
    throw ApiException.invalid(param, "must be agent, ingest or admin; got '" + value + "'");
  }
}
