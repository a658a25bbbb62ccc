package ai.buywhere.catalog;

import ai.buywhere.shared.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * The values a {@code products} row stores for one input, computed once per row: {@link
 * ProductRows} binds them and {@link #toProduct} builds the {@link Product} that reading the row
 * back ({@link ProductRowMapper}) gives, so an in-process indexer can take the written rows without
 * reading them again ({@link CommittedChanges}).
 *
 * <p>Decimals are stored at the PostgreSQL columns' scale on both dialects (prices 4 places, rating
 * 2), so both stores hold the same value; the validator bounds prices to 14 significant digits and
 * USD values are cut to 15, which SQLite's REAL storage keeps exactly. JSON columns hold the text
 * bound here; the product's lists and maps are parsed from that text, as a read does.
 */
record StoredRow(
    ProductInput in,
    String merchantId,
    String domain,
    BigDecimal price,
    BigDecimal originalPrice,
    BigDecimal discountPct,
    BigDecimal normalizedPriceUsd,
    String countryCode,
    String region,
    BigDecimal rating,
    String categoryPathJson,
    String categorySlug,
    String structuredSpecsJson,
    String comparisonAttributesJson,
    String availability) {

  static StoredRow of(ProductInput in, FxRates fx) {
    String countryCode = in.countryCode().toUpperCase(Locale.ROOT);
    BigDecimal price = scaled(in.price(), 4);
    BigDecimal original = scaled(in.originalPrice(), 4);
    return new StoredRow(
        in,
        in.merchantId() != null ? in.merchantId() : in.source(),
        in.domain() != null ? in.domain() : in.source(),
        price,
        original,
        CatalogWriter.discountPct(price, original),
        fx.toUsd(price, in.currency()).map(StoredRow::fifteenDigits).orElse(null),
        countryCode,
        in.region() != null ? in.region() : Markets.regionOf(countryCode),
        scaled(in.rating(), 2),
        toJson(in.categoryPath()),
        Categories.slugOf(in.categoryPath()),
        toJson(in.structuredSpecs()),
        toJson(in.comparisonAttributes()),
        (in.availability() == null ? Availability.IN_STOCK : in.availability()).wire());
  }

  /** The product as a read of the row returns it. */
  Product toProduct(String id, long changeSeq, Instant firstSeen, Instant createdAt, Instant now) {
    return new Product(
        id,
        in.sku(),
        in.source(),
        merchantId,
        domain,
        in.title(),
        in.description(),
        in.brand(),
        in.url(),
        in.imageUrl(),
        ProductRowMapper.canonical(price),
        ProductRowMapper.canonical(originalPrice),
        ProductRowMapper.canonical(discountPct),
        in.currency(),
        ProductRowMapper.canonical(normalizedPriceUsd),
        countryCode,
        region,
        ProductRowMapper.canonical(rating),
        in.reviewCount(),
        ProductRowMapper.categoryPath(categoryPathJson),
        ProductRowMapper.jsonObject(structuredSpecsJson),
        ProductRowMapper.jsonObject(comparisonAttributesJson),
        availability,
        in.gtin(),
        in.model(),
        true,
        changeSeq,
        firstSeen,
        now,
        createdAt,
        now);
  }

  /** SQLite keeps 15 significant digits of a decimal; a conversion may give more. */
  private static BigDecimal fifteenDigits(BigDecimal v) {
    return v.precision() <= 15 ? v : v.round(new MathContext(15, RoundingMode.HALF_UP));
  }

  private static BigDecimal scaled(BigDecimal v, int scale) {
    return v == null || v.scale() <= scale ? v : v.setScale(scale, RoundingMode.HALF_UP);
  }

  private static String toJson(Object value) {
    if (value == null
        || (value instanceof Collection<?> c && c.isEmpty())
        || (value instanceof Map<?, ?> m && m.isEmpty())) {
      return null;
    }
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass(), e);
    }
  }
}
