package ai.buywhere.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A catalog product as stored: the public contract's {@code Product} fields plus identity and
 * bookkeeping. {@code id} is the public UUID; {@code (sku, source)} is the natural key. {@code
 * changeSeq} orders this row's last write in the catalog change sequence.
 */
public record Product(
    String id,
    String sku,
    String source,
    String merchantId,
    String domain,
    String title,
    String description,
    String brand,
    String url,
    String imageUrl,
    BigDecimal price,
    BigDecimal originalPrice,
    BigDecimal discountPct,
    String currency,
    BigDecimal normalizedPriceUsd,
    String countryCode,
    String region,
    BigDecimal rating,
    Integer reviewCount,
    List<String> categoryPath,
    Map<String, Object> structuredSpecs,
    Map<String, Object> comparisonAttributes,
    String availability,
    String gtin,
    String model,
    boolean active,
    long changeSeq,
    Instant firstSeen,
    Instant lastSeen,
    Instant createdAt,
    Instant updatedAt) {

  /** The slug of the deepest category, or null when the product has no category. */
  public String categorySlug() {
    return Categories.slugOf(categoryPath);
  }
}
