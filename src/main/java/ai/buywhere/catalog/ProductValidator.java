package ai.buywhere.catalog;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Per-row checks every source runs before a row reaches {@link CatalogWriter}: the importer now,
 * ingestion later. Returns every problem of a row (not only the first), each with a stable code. A
 * row with no problems can be written as is. Stateless and thread-safe.
 *
 * <p>Price may be absent (a product listed without a price is still a product); currency and
 * country may not, because every price the catalog shows is read in a market and a currency.
 */
public final class ProductValidator {
  public static final int MAX_TITLE = 1000;
  public static final int MAX_SKU = 255;
  public static final int MAX_SOURCE = 100;
  public static final int MAX_TEXT = 20_000;
  public static final int MAX_SHORT = 255;
  public static final int MAX_URL = 2048;
  public static final int MAX_CATEGORY_DEPTH = 10;

  /**
   * Prices are below ten billion (in any currency): with the 4 decimal places the catalog keeps,
   * that is at most 14 significant digits, which both stores hold exactly (SQLite as a double,
   * PostgreSQL as {@code NUMERIC(18, 4)}). A larger "price" is a feed error.
   */
  public static final BigDecimal MAX_PRICE = new BigDecimal("10000000000");

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private final FxRates fx;

  public ProductValidator(FxRates fx) {
    this.fx = fx;
  }

  public List<RejectReason> validate(ProductInput in) {
    List<RejectReason> out = new ArrayList<>();
    required(out, "sku", in.sku(), MAX_SKU);
    required(out, "source", in.source(), MAX_SOURCE);
    required(out, "title", in.title(), MAX_TITLE);
    optional(out, "merchant_id", in.merchantId(), MAX_SHORT);
    optional(out, "domain", in.domain(), MAX_SHORT);
    optional(out, "brand", in.brand(), MAX_SHORT);
    optional(out, "model", in.model(), MAX_SHORT);
    optional(out, "description", in.description(), MAX_TEXT);
    positive(out, "price", in.price());
    positive(out, "original_price", in.originalPrice());
    storableText(out, in);
    currency(out, in.currency());
    country(out, in.countryCode());
    if (in.region() != null && !Markets.REGIONS.contains(in.region())) {
      out.add(reason("invalid_region", "region", "must be one of " + Markets.REGIONS));
    }
    url(out, "url", in.url());
    url(out, "image_url", in.imageUrl());
    if (in.rating() != null
        && (in.rating().signum() < 0 || in.rating().compareTo(BigDecimal.valueOf(5)) > 0)) {
      out.add(reason("invalid_rating", "rating", "must be between 0 and 5, got " + in.rating()));
    }
    if (in.reviewCount() != null && in.reviewCount() < 0) {
      out.add(reason("invalid_review_count", "review_count", "must be 0 or more"));
    }
    if (in.gtin() != null && !in.gtin().matches("\\d{8}|\\d{12,14}")) {
      out.add(reason("invalid_gtin", "gtin", "must be 8, 12, 13 or 14 digits"));
    }
    categories(out, in.categoryPath());
    return out;
  }

  private static void required(List<RejectReason> out, String field, String value, int max) {
    if (value == null || value.isBlank()) {
      out.add(reason("missing_" + field, field, field + " is required"));
    } else {
      optional(out, field, value, max);
    }
  }

  private static void optional(List<RejectReason> out, String field, String value, int max) {
    if (value != null && value.length() > max) {
      out.add(
          reason(
              field + "_too_long",
              field,
              field + " is " + value.length() + " characters, at most " + max + " allowed"));
    }
  }

  private static void positive(List<RejectReason> out, String field, BigDecimal value) {
    if (value != null && value.signum() <= 0) {
      out.add(reason("invalid_" + field, field, field + " must be greater than 0, got " + value));
    } else if (value != null && value.compareTo(MAX_PRICE) >= 0) {
      out.add(
          reason(
              "invalid_" + field,
              field,
              field + " must be less than " + MAX_PRICE.toPlainString() + ", got " + value));
    }
  }

  /**
   * Text the stores cannot keep as given is refused: PostgreSQL rejects a NUL character, and an
   * unpaired UTF-16 surrogate has no UTF-8 form (both drivers would store a replacement).
   */
  private static void storableText(List<RejectReason> out, ProductInput in) {
    String[][] fields = {
      {"sku", in.sku()},
      {"source", in.source()},
      {"title", in.title()},
      {"description", in.description()},
      {"brand", in.brand()},
      {"model", in.model()},
      {"merchant_id", in.merchantId()},
      {"domain", in.domain()},
      {"url", in.url()},
      {"image_url", in.imageUrl()}
    };
    for (String[] f : fields) {
      if (!storable(f[1])) {
        out.add(reason("invalid_" + f[0], f[0], UNSTORABLE));
      }
    }
    if (in.categoryPath() != null
        && !in.categoryPath().stream().allMatch(ProductValidator::storable)) {
      out.add(reason("invalid_category_path", "category_path", UNSTORABLE));
    }
    if (!storableJson(in.structuredSpecs())) {
      out.add(reason("invalid_structured_specs", "structured_specs", UNSTORABLE));
    }
    if (!storableJson(in.comparisonAttributes())) {
      out.add(reason("invalid_comparison_attributes", "comparison_attributes", UNSTORABLE));
    }
  }

  private static final String UNSTORABLE =
      "contains a NUL character or an unpaired UTF-16 surrogate";

  static boolean storable(String s) {
    if (s == null) {
      return true;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == 0) {
        return false;
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean storableJson(Object v) {
    if (v instanceof String s) {
      return storable(s);
    }
    if (v instanceof Map<?, ?> m) {
      return m.entrySet().stream()
          .allMatch(e -> storableJson(String.valueOf(e.getKey())) && storableJson(e.getValue()));
    }
    if (v instanceof Collection<?> c) {
      return c.stream().allMatch(ProductValidator::storableJson);
    }
    return true;
  }

  private void currency(List<RejectReason> out, String currency) {
    if (currency == null || currency.isBlank()) {
      out.add(reason("missing_currency", "currency", "currency is required (ISO 4217 code)"));
    } else if (!FxRates.isIsoCurrency(currency)) {
      out.add(reason("invalid_currency", "currency", currency + " is not an ISO 4217 code"));
    } else if (!fx.supports(currency)) {
      out.add(
          reason(
              "unsupported_currency",
              "currency",
              currency + " has no FX rate; supported: " + String.join(", ", fx.currencies())));
    }
  }

  private static void country(List<RejectReason> out, String country) {
    if (country == null || country.isBlank()) {
      out.add(
          reason("missing_country_code", "country_code", "country_code is required (ISO 3166)"));
    } else if (!COUNTRIES.contains(country.toUpperCase(Locale.ROOT))) {
      out.add(
          reason(
              "invalid_country_code",
              "country_code",
              country + " is not an ISO 3166-1 alpha-2 country code"));
    }
  }

  private static void url(List<RejectReason> out, String field, String value) {
    if (value == null) {
      return;
    }
    boolean ok = value.length() <= MAX_URL;
    if (ok) {
      try {
        URI uri = new URI(value);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        ok = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
      } catch (URISyntaxException e) {
        ok = false;
      }
    }
    if (!ok) {
      out.add(reason("invalid_" + field, field, field + " must be an absolute http(s) URL"));
    }
  }

  private static void categories(List<RejectReason> out, List<String> path) {
    if (path == null) {
      return;
    }
    if (path.size() > MAX_CATEGORY_DEPTH
        || path.stream().anyMatch(s -> s == null || s.isBlank() || s.length() > MAX_SHORT)) {
      out.add(
          reason(
              "invalid_category_path",
              "category_path",
              "at most "
                  + MAX_CATEGORY_DEPTH
                  + " non-blank segments of at most "
                  + MAX_SHORT
                  + " characters"));
    }
  }

  private static RejectReason reason(String code, String field, String message) {
    return new RejectReason(code, field, message);
  }
}
