package ai.buywhere.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Optional;

/**
 * A flat key → value lookup over the places a setting can come from, highest precedence first:
 * command-line overrides, environment variables, then the optional YAML file named by {@code
 * BUYWHERE_CONFIG}. Keys are the environment-variable names ({@code DATABASE_URL}); YAML keys are
 * matched case-insensitively with nested maps flattened by underscores ({@code fx_rates: {SGD:
 * 0.74}} is {@code FX_RATES_SGD}).
 *
 * <p>Each concern reads its settings through typed getters that throw {@link ConfigException}
 * naming the setting, so a bad value fails start-up with a message that says what to fix.
 */
public final class Settings {
  private final Map<String, String> overrides;
  private final Map<String, String> env;
  private final Map<String, String> file;
  private final String fileName;

  private Settings(
      Map<String, String> overrides,
      Map<String, String> env,
      Map<String, String> file,
      String fileName) {
    this.overrides = overrides;
    this.env = env;
    this.file = file;
    this.fileName = fileName;
  }

  /** Settings from the process environment and the YAML file it names, if any. */
  public static Settings fromEnvironment() {
    return of(System.getenv(), Map.of());
  }

  /** Settings from an explicit environment map (tests) plus command-line overrides. */
  public static Settings of(Map<String, String> env, Map<String, String> overrides) {
    Map<String, String> envCopy = new HashMap<>();
    env.forEach((k, v) -> envCopy.put(k.toUpperCase(Locale.ROOT), v));
    String configFile = overrides.getOrDefault("BUYWHERE_CONFIG", envCopy.get("BUYWHERE_CONFIG"));
    Map<String, String> fileValues = Map.of();
    if (configFile != null && !configFile.isBlank()) {
      fileValues = readYaml(Path.of(configFile));
    }
    Map<String, String> ov = new HashMap<>();
    overrides.forEach((k, v) -> ov.put(k.toUpperCase(Locale.ROOT), v));
    return new Settings(ov, envCopy, fileValues, configFile);
  }

  /** Returns a copy with extra command-line overrides layered on top. */
  public Settings withOverrides(Map<String, String> more) {
    Map<String, String> ov = new HashMap<>(overrides);
    more.forEach(
        (k, v) -> {
          if (v != null) {
            ov.put(k.toUpperCase(Locale.ROOT), v);
          }
        });
    return new Settings(ov, env, file, fileName);
  }

  private static Map<String, String> readYaml(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new ConfigException(
          "BUYWHERE_CONFIG points at " + path + ", which is not a readable file");
    }
    try {
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(path.toFile());
      Map<String, String> out = new LinkedHashMap<>();
      if (root != null && !root.isNull()) {
        if (!root.isObject()) {
          throw new ConfigException(
              "BUYWHERE_CONFIG file " + path + " must hold a YAML mapping of settings");
        }
        flatten("", root, out);
      }
      return out;
    } catch (IOException e) {
      throw new ConfigException(
          "BUYWHERE_CONFIG file " + path + " is not valid YAML: " + e.getMessage());
    }
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    Iterator<Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Entry<String, JsonNode> e = it.next();
      String key = (prefix + e.getKey()).toUpperCase(Locale.ROOT).replace('-', '_');
      JsonNode v = e.getValue();
      if (v.isObject()) {
        flatten(key + "_", v, out);
      } else if (v.isArray()) {
        StringBuilder sb = new StringBuilder();
        v.forEach(x -> sb.append(sb.length() == 0 ? "" : ",").append(x.asText()));
        out.put(key, sb.toString());
      } else if (!v.isNull()) {
        out.put(key, v.asText());
      }
    }
  }

  /** The raw value, or empty when the setting is absent or blank. */
  public Optional<String> get(String key) {
    String k = key.toUpperCase(Locale.ROOT);
    String v = overrides.get(k);
    if (v == null) {
      v = env.get(k);
    }
    if (v == null) {
      v = file.get(k);
    }
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  public String get(String key, String defaultValue) {
    return get(key).orElse(defaultValue);
  }

  public int getInt(String key, int defaultValue, int min, int max) {
    Optional<String> raw = get(key);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    try {
      int v = Integer.parseInt(raw.get());
      if (v < min || v > max) {
        throw new ConfigException(
            key + " must be between " + min + " and " + max + ", got " + raw.get());
      }
      return v;
    } catch (NumberFormatException e) {
      throw new ConfigException(key + " must be a whole number, got '" + raw.get() + "'");
    }
  }

  public double getDouble(String key, double defaultValue, double min, double max) {
    Optional<String> raw = get(key);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    try {
      double v = Double.parseDouble(raw.get());
      if (Double.isNaN(v) || v < min || v > max) {
        throw new ConfigException(
            key + " must be between " + min + " and " + max + ", got " + raw.get());
      }
      return v;
    } catch (NumberFormatException e) {
      throw new ConfigException(key + " must be a number, got '" + raw.get() + "'");
    }
  }

  public boolean getBoolean(String key, boolean defaultValue) {
    Optional<String> raw = get(key);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    switch (raw.get().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on":
        return true;
      case "false", "0", "no", "off":
        return false;
      default:
        throw new ConfigException(key + " must be true or false, got '" + raw.get() + "'");
    }
  }

  /** Every key that starts with {@code prefix}, with the prefix removed (file, env, overrides). */
  public Map<String, String> withPrefix(String prefix) {
    String p = prefix.toUpperCase(Locale.ROOT);
    Map<String, String> out = new LinkedHashMap<>();
    for (Map<String, String> layer : java.util.List.of(file, env, overrides)) {
      layer.forEach(
          (k, v) -> {
            if (k.startsWith(p) && v != null && !v.isBlank()) {
              out.put(k.substring(p.length()), v.trim());
            }
          });
    }
    return out;
  }
}
