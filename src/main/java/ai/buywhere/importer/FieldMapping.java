package ai.buywhere.importer;

import ai.buywhere.catalog.Availability;
import ai.buywhere.catalog.Markets;
import ai.buywhere.catalog.ProductInput;
import ai.buywhere.catalog.RejectReason;
import ai.buywhere.shared.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps one file record to a {@link ProductInput}: the contract's field names first, then the
 * retail-products names ({@code id}, {@code name}, {@code merchant}, {@code category}). The table
 * is in docs/import.md. Type problems (a price that is not a number, a category that is neither a
 * list nor a "A > B" string) become {@link RejectReason}s; nothing here throws on bad data.
 */
final class FieldMapping {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  /** A mapped record: {@code input} is null when the record could not be mapped at all. */
  record Mapped(ProductInput input, List<RejectReason> problems) {}

  private final ImportDefaults defaults;

  FieldMapping(ImportDefaults defaults) {
    this.defaults = defaults;
  }

  Mapped map(ObjectNode r) {
    List<RejectReason> problems = new ArrayList<>();
    String sku = text(r, problems, "sku", "id");
    String source = orElse(text(r, problems, "source"), defaults.source());
    String merchantId = text(r, problems, "merchant_id", "merchant", "domain");
    String domain = text(r, problems, "domain", "merchant", "merchant_id");
    String country =
        upper(orElse(text(r, problems, "country_code", "country"), defaults.countryCode()));
    String currency = upper(orElse(text(r, problems, "currency"), defaults.currency()));
    if (currency == null && country != null) {
      currency = Markets.defaultCurrency(country).orElse(null);
    }
    Availability availability = Availability.IN_STOCK;
    String rawAvailability = text(r, problems, "availability");
    if (rawAvailability != null) {
      availability = Availability.parse(rawAvailability).orElse(null);
      if (availability == null) {
        problems.add(
            new RejectReason(
                "invalid_availability",
                "availability",
                "unknown availability "
                    + rawAvailability
                    + "; use in_stock, out_of_stock,"
                    + " preorder or limited"));
      }
    }
    BigDecimal rating = decimal(r, problems, "rating");
    BigDecimal reviews = decimal(r, problems, "review_count");
    Integer reviewCount = null;
    if (reviews != null) {
      try {
        reviewCount = reviews.intValueExact();
      } catch (ArithmeticException e) {
        problems.add(
            new RejectReason("invalid_review_count", "review_count", "must be a whole number"));
      }
    }
    Map<String, Object> specs = object(r, problems, "structured_specs");
    for (String extra : List.of("ship_weight", "dimensions", "color", "size")) {
      String v = text(r, problems, extra);
      if (v != null && !specs.containsKey(extra)) {
        specs = new LinkedHashMap<>(specs);
        specs.put(extra, v);
      }
    }
    ProductInput input =
        ProductInput.builder(sku, source)
            .merchantId(merchantId)
            .domain(domain)
            .title(text(r, problems, "title", "name"))
            .description(text(r, problems, "description"))
            .brand(text(r, problems, "brand"))
            .model(text(r, problems, "model"))
            .gtin(text(r, problems, "gtin"))
            .url(text(r, problems, "url", "product_url"))
            .imageUrl(text(r, problems, "image_url", "image"))
            .price(decimal(r, problems, "price"))
            .originalPrice(decimal(r, problems, "original_price"))
            .currency(currency)
            .countryCode(country)
            .region(lower(text(r, problems, "region")))
            .rating(rating)
            .reviewCount(reviewCount)
            .categoryPath(path(r, problems))
            .structuredSpecs(specs)
            .comparisonAttributes(object(r, problems, "comparison_attributes"))
            .availability(availability)
            .build();
    return new Mapped(input, problems);
  }

  /** The first of {@code names} present with a non-null value. */
  private static JsonNode first(ObjectNode r, String... names) {
    for (String n : names) {
      JsonNode v = r.get(n);
      if (v != null && !v.isNull() && !(v.isTextual() && v.asText().isBlank())) {
        return v;
      }
    }
    return null;
  }

  private static String text(ObjectNode r, List<RejectReason> problems, String... names) {
    JsonNode v = first(r, names);
    if (v == null) {
      return null;
    }
    if (v.isContainerNode()) {
      problems.add(
          new RejectReason("invalid_" + names[0], names[0], names[0] + " must be a string"));
      return null;
    }
    return v.asText().trim();
  }

  private static BigDecimal decimal(ObjectNode r, List<RejectReason> problems, String name) {
    JsonNode v = first(r, name);
    if (v == null) {
      return null;
    }
    if (v.isNumber()) {
      return v.decimalValue();
    }
    if (v.isTextual()) {
      try {
        return new BigDecimal(v.asText().trim().replace(",", ""));
      } catch (NumberFormatException e) {
        // fall through to the problem below
      }
    }
    problems.add(new RejectReason("invalid_" + name, name, name + " must be a number, got " + v));
    return null;
  }

  private static List<String> path(ObjectNode r, List<RejectReason> problems) {
    JsonNode v = first(r, "category_path", "category");
    if (v != null && v.isTextual() && v.asText().trim().startsWith("[")) {
      v = parse(v.asText());
    }
    if (v == null) {
      return List.of();
    }
    if (v.isArray()) {
      List<String> out = new ArrayList<>();
      for (JsonNode segment : v) {
        if (!segment.isValueNode() || segment.isNull()) {
          problems.add(invalidPath());
          return List.of();
        }
        out.add(segment.asText().trim());
      }
      return out;
    }
    if (v.isTextual()) {
      return List.of(v.asText().split(">")).stream().map(String::trim).toList();
    }
    problems.add(invalidPath());
    return List.of();
  }

  private static RejectReason invalidPath() {
    return new RejectReason(
        "invalid_category_path",
        "category_path",
        "category_path must be a list of strings or a string like \"A > B > C\"");
  }

  private static Map<String, Object> object(
      ObjectNode r, List<RejectReason> problems, String name) {
    JsonNode v = first(r, name);
    if (v != null && v.isTextual() && v.asText().trim().startsWith("{")) {
      v = parse(v.asText());
    }
    if (v == null) {
      return Map.of();
    }
    if (!v.isObject()) {
      problems.add(new RejectReason("invalid_" + name, name, name + " must be a JSON object"));
      return Map.of();
    }
    return Json.mapper().convertValue(v, MAP);
  }

  /** Parses JSON text inside a CSV cell; a non-JSON cell becomes a node every caller rejects. */
  private static JsonNode parse(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (java.io.IOException e) {
      return Json.mapper().getNodeFactory().booleanNode(false);
    }
  }

  private static String orElse(String value, String fallback) {
    return value != null ? value : fallback;
  }

  private static String upper(String s) {
    return s == null ? null : s.toUpperCase(Locale.ROOT);
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }
}
