package ai.buywhere.api;

import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Typed, validated access to request parameters, from an HTTP query string ({@link
 * #query(Context)}) or from an MCP tool's argument map ({@link #of(Map)}); every failure is a 400
 * {@code invalid_params} naming the parameter. Blank values count as absent.
 */
public final class Params {
  private final Map<String, ?> values;
  private final Map<String, String> path;

  private Params(Map<String, ?> values, Map<String, String> path) {
    this.values = values;
    this.path = path;
  }

  /** Query parameters of an HTTP request (first value of each) plus its path parameters. */
  public static Params query(Context ctx) {
    Map<String, Object> m = new java.util.HashMap<>();
    ctx.queryParamMap()
        .forEach(
            (k, v) -> {
              if (!v.isEmpty()) {
                m.put(k, v.get(0));
              }
            });
    return new Params(m, ctx.pathParamMap());
  }

  /** Arguments given as a map (MCP tools): values may be strings, numbers, booleans or lists. */
  public static Params of(Map<String, ?> arguments) {
    return new Params(arguments == null ? Map.of() : arguments, Map.of());
  }

  /** The raw value as text, or empty when absent or blank. Lists become comma-separated. */
  public Optional<String> string(String name) {
    Object v = path.containsKey(name) ? path.get(name) : values.get(name);
    if (v == null) {
      return Optional.empty();
    }
    String s =
        v instanceof List<?> list
            ? String.join(",", list.stream().map(String::valueOf).toList())
            : String.valueOf(v);
    s = s.trim();
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  public Optional<String> string(String name, int maxLength) {
    Optional<String> s = string(name);
    if (s.isPresent() && s.get().length() > maxLength) {
      throw ApiException.invalid(name, "must be at most " + maxLength + " characters");
    }
    return s;
  }

  public int integer(String name, int dflt, int min, int max) {
    Optional<String> s = string(name);
    if (s.isEmpty()) {
      return dflt;
    }
    int v;
    try {
      v = Integer.parseInt(s.get());
    } catch (NumberFormatException e) {
      throw ApiException.invalid(name, "must be an integer between " + min + " and " + max);
    }
    if (v < min || v > max) {
      throw ApiException.invalid(name, "must be between " + min + " and " + max + ", got " + v);
    }
    return v;
  }

  public Optional<BigDecimal> decimal(String name, BigDecimal min, BigDecimal max) {
    Optional<String> s = string(name);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal v;
    try {
      v = new BigDecimal(s.get());
    } catch (NumberFormatException e) {
      throw ApiException.invalid(name, "must be a number");
    }
    if (v.compareTo(min) < 0 || (max != null && v.compareTo(max) > 0)) {
      throw ApiException.invalid(
          name, "must be " + (max == null ? "at least " + min : "between " + min + " and " + max));
    }
    return Optional.of(v);
  }

  public boolean bool(String name, boolean dflt) {
    Optional<String> s = string(name);
    if (s.isEmpty()) {
      return dflt;
    }
    return switch (s.get().toLowerCase(Locale.ROOT)) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw ApiException.invalid(name, "must be true or false");
    };
  }

  /** A product id: a UUID in canonical form (lower-cased). */
  public static String uuid(String name, String raw) {
    try {
      UUID u = UUID.fromString(raw);
      String canonical = u.toString();
      if (!canonical.equalsIgnoreCase(raw)) {
        throw new IllegalArgumentException();
      }
      return canonical;
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(name, "must be a product id (UUID)");
    }
  }

  public String requiredUuid(String name) {
    return uuid(name, string(name).orElseThrow(() -> ApiException.invalid(name, "is required")));
  }
}
