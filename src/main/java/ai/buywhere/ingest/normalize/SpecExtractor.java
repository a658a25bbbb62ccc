package ai.buywhere.ingest.normalize;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code structured_specs} (brand, model, size, colour, material, capacity) from attribute names in
 * the common spellings merchants use, falling back to patterns in the title for capacity, size and
 * colour.
 */
public final class SpecExtractor {
  private static final Map<String, List<String>> ALIASES =
      Map.of(
          "brand", List.of("brand", "vendor", "manufacturer", "make"),
          "model", List.of("model", "model number", "model_number", "mpn", "model no"),
          "size", List.of("size", "shoe size", "dimensions", "screen size", "display size"),
          "colour", List.of("colour", "color", "colorway", "shade", "finish"),
          "material", List.of("material", "fabric", "materials"),
          "capacity", List.of("capacity", "storage", "memory", "volume", "storage capacity"));

  private static final Pattern CAPACITY =
      Pattern.compile("\\b(\\d+(?:\\.\\d+)?\\s?(?:TB|GB|MB|ml|mL|L|mAh|Wh))\\b");
  private static final Pattern SIZE =
      Pattern.compile("\\b(\\d+(?:\\.\\d+)?\\s?(?:-inch|inch|in\\.|\"|cm|mm))(?=\\W|$)");
  private static final Pattern COLOUR =
      Pattern.compile(
          "\\b(black|white|silver|grey|gray|gold|blue|red|green|pink|purple|yellow|orange|brown"
              + "|beige|navy|midnight|graphite)\\b",
          Pattern.CASE_INSENSITIVE);

  private SpecExtractor() {}

  public static Map<String, Object> extract(
      Map<String, String> attributes, String brand, String model, String title) {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, String> lower = new LinkedHashMap<>();
    if (attributes != null) {
      attributes.forEach(
          (k, v) -> {
            if (k != null && v != null && !v.isBlank()) {
              lower.putIfAbsent(k.trim().toLowerCase(Locale.ROOT), v.trim());
            }
          });
    }
    ALIASES.forEach(
        (spec, names) -> {
          for (String n : names) {
            if (lower.containsKey(n)) {
              out.put(spec, lower.get(n));
              return;
            }
          }
        });
    if (brand != null && !brand.isBlank()) {
      out.put("brand", brand.trim());
    }
    if (model != null && !model.isBlank()) {
      out.put("model", model.trim());
    }
    if (title != null) {
      fromTitle(title, out);
    }
    return out;
  }

  private static void fromTitle(String title, Map<String, Object> out) {
    Matcher cap = CAPACITY.matcher(title);
    if (!out.containsKey("capacity") && cap.find()) {
      out.put("capacity", cap.group(1).replace(" ", ""));
    }
    Matcher size = SIZE.matcher(title);
    if (!out.containsKey("size") && size.find()) {
      out.put("size", size.group(1));
    }
    if (!out.containsKey("colour")) {
      Matcher c = COLOUR.matcher(title);
      if (c.find()) {
        String word = c.group(1).toLowerCase(Locale.ROOT);
        out.put("colour", Character.toUpperCase(word.charAt(0)) + word.substring(1));
      }
    }
  }
}
