package ai.buywhere.ops.flags;

import java.util.regex.Pattern;

/**
 * A flag the system knows: its lower-case snake_case name, what it switches and its default.
 *
 * <p>The environment variable that sets it is {@code FEATURE_<NAME>} with the name upper-cased; a
 * name that already starts with {@code feature_} is not prefixed twice ({@code feature_new_search}
 * → {@code FEATURE_NEW_SEARCH}, {@code us_market_enabled} → {@code FEATURE_US_MARKET_ENABLED}).
 */
public record FlagDefinition(String name, String description, boolean defaultValue) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{1,62}");

  public FlagDefinition {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "flag names are lower-case snake_case (a-z, 0-9, _), got " + name);
    }
    if (description == null || description.isBlank()) {
      throw new IllegalArgumentException("flag " + name + " needs a description");
    }
  }

  public String envName() {
    String upper = name.toUpperCase(java.util.Locale.ROOT);
    return name.startsWith("feature_") ? upper : "FEATURE_" + upper;
  }
}
