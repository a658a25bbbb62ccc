package ai.buywhere.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The public {@code Product} shape (contract fields plus {@code sku}, {@code source}, {@code
 * merchant_id}, {@code region}, {@code gtin}, {@code model}). Prices are in {@code currency}, which
 * is the request's active currency when the FX table could convert, else the merchant's own.
 */
public record ProductView(
    String id,
    String sku,
    String source,
    String merchantId,
    String title,
    String description,
    String brand,
    String domain,
    String url,
    String imageUrl,
    BigDecimal price,
    BigDecimal originalPrice,
    BigDecimal discountPct,
    String currency,
    String countryCode,
    String region,
    BigDecimal rating,
    Integer reviewCount,
    List<String> categoryPath,
    Map<String, Object> structuredSpecs,
    Map<String, Object> comparisonAttributes,
    BigDecimal normalizedPriceUsd,
    String availability,
    String gtin,
    String model,
    Instant updatedAt) {}
