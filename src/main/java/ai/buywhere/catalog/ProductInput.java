package ai.buywhere.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One product as a source delivers it, already normalised (ISO currency, availability enum, trimmed
 * strings). The catalog writer derives id, discount, USD price, region, hash and timestamps. {@code
 * sku} and {@code source} form the natural key.
 */
public record ProductInput(
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
    String currency,
    String countryCode,
    String region,
    BigDecimal rating,
    Integer reviewCount,
    List<String> categoryPath,
    Map<String, Object> structuredSpecs,
    Map<String, Object> comparisonAttributes,
    Availability availability,
    String gtin,
    String model) {

  public static Builder builder(String sku, String source) {
    return new Builder(sku, source);
  }

  /** Fluent construction for importers and tests; unset fields stay null. */
  public static final class Builder {
    private final String sku;
    private final String source;
    private String merchantId;
    private String domain;
    private String title;
    private String description;
    private String brand;
    private String url;
    private String imageUrl;
    private BigDecimal price;
    private BigDecimal originalPrice;
    private String currency;
    private String countryCode;
    private String region;
    private BigDecimal rating;
    private Integer reviewCount;
    private List<String> categoryPath = List.of();
    private Map<String, Object> structuredSpecs = Map.of();
    private Map<String, Object> comparisonAttributes = Map.of();
    private Availability availability = Availability.IN_STOCK;
    private String gtin;
    private String model;

    private Builder(String sku, String source) {
      this.sku = sku;
      this.source = source;
    }

    public Builder merchantId(String v) {
      merchantId = v;
      return this;
    }

    public Builder domain(String v) {
      domain = v;
      return this;
    }

    public Builder title(String v) {
      title = v;
      return this;
    }

    public Builder description(String v) {
      description = v;
      return this;
    }

    public Builder brand(String v) {
      brand = v;
      return this;
    }

    public Builder url(String v) {
      url = v;
      return this;
    }

    public Builder imageUrl(String v) {
      imageUrl = v;
      return this;
    }

    public Builder price(BigDecimal v) {
      price = v;
      return this;
    }

    public Builder price(String v) {
      price = v == null ? null : new BigDecimal(v);
      return this;
    }

    public Builder originalPrice(BigDecimal v) {
      originalPrice = v;
      return this;
    }

    public Builder currency(String v) {
      currency = v;
      return this;
    }

    public Builder countryCode(String v) {
      countryCode = v;
      return this;
    }

    public Builder region(String v) {
      region = v;
      return this;
    }

    public Builder rating(BigDecimal v) {
      rating = v;
      return this;
    }

    public Builder reviewCount(Integer v) {
      reviewCount = v;
      return this;
    }

    public Builder categoryPath(List<String> v) {
      categoryPath = v == null ? List.of() : List.copyOf(v);
      return this;
    }

    public Builder structuredSpecs(Map<String, Object> v) {
      structuredSpecs = v == null ? Map.of() : v;
      return this;
    }

    public Builder comparisonAttributes(Map<String, Object> v) {
      comparisonAttributes = v == null ? Map.of() : v;
      return this;
    }

    public Builder availability(Availability v) {
      availability = v;
      return this;
    }

    public Builder gtin(String v) {
      gtin = v;
      return this;
    }

    public Builder model(String v) {
      model = v;
      return this;
    }

    public ProductInput build() {
      return new ProductInput(
          sku,
          source,
          merchantId,
          domain,
          title,
          description,
          brand,
          url,
          imageUrl,
          price,
          originalPrice,
          currency,
          countryCode,
          region,
          rating,
          reviewCount,
          categoryPath,
          structuredSpecs,
          comparisonAttributes,
          availability,
          gtin,
          model);
    }
  }
}
