package ai.buywhere.ops.flags;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses a flags file: a YAML mapping ({@code feature_new_search: true}) or {@code key=value} lines
 * (the shape a Kubernetes ConfigMap rendered as properties takes). The format is chosen by the
 * first meaningful line: {@code =} before any {@code :} means key=value. Keys may be flag names or
 * their env names; values must be true/false. Any bad line or value rejects the whole file, so a
 * half-valid file never applies partially. Unknown keys are reported but do not break the file (a
 * newer ConfigMap may name flags an older node does not know yet).
 */
final class FlagsFileParser {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** The parsed values and the keys that named no known flag. */
  record Parsed(Map<String, Boolean> values, List<String> unknownKeys) {}

  private final FlagRegistry registry;

  FlagsFileParser(FlagRegistry registry) {
    this.registry = registry;
  }

  /** Parses {@code text}; throws {@link InvalidFlagsFileException} naming the problem. */
  Parsed parse(String text) {
    Map<String, String> raw = isProperties(text) ? properties(text) : yaml(text);
    Map<String, Boolean> values = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    raw.forEach(
        (k, v) -> {
          var def = registry.lookupLenient(k);
          if (def.isEmpty()) {
            unknown.add(k);
            return;
          }
          values.put(def.get().name(), bool(k, v));
        });
    return new Parsed(Map.copyOf(values), List.copyOf(unknown));
  }

  private static boolean isProperties(String text) {
    for (String line : text.split("\\R")) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#") || t.equals("---")) {
        continue;
      }
      int eq = t.indexOf('=');
      int colon = t.indexOf(':');
      return eq >= 0 && (colon < 0 || eq < colon);
    }
    return false;
  }

  private static Map<String, String> properties(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    int n = 0;
    for (String line : text.split("\\R")) {
      n++;
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      int eq = t.indexOf('=');
      if (eq <= 0) {
        throw new InvalidFlagsFileException("line " + n + " is not key=value: '" + t + "'");
      }
      out.put(t.substring(0, eq).strip(), t.substring(eq + 1).strip());
    }
    return out;
  }

  private static Map<String, String> yaml(String text) {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (IOException e) {
      throw new InvalidFlagsFileException(
          "not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
    Map<String, String> out = new LinkedHashMap<>();
    if (root == null || root.isNull() || root.isMissingNode()) {
      return out;
    }
    if (!root.isObject()) {
      throw new InvalidFlagsFileException("must be a YAML mapping of flag: true|false");
    }
    Iterator<Map.Entry<String, JsonNode>> it = root.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isValueNode() || e.getValue().isNull()) {
        throw new InvalidFlagsFileException(e.getKey() + " must be true or false");
      }
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }

  static boolean bool(String key, String value) {
    switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on":
        return true;
      case "false", "0", "no", "off":
        return false;
      default:
        throw new InvalidFlagsFileException(key + " must be true or false, got '" + value + "'");
    }
  }
}
