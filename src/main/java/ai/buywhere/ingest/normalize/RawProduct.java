package ai.buywhere.ingest.normalize;

import java.util.List;
import java.util.Map;

/**
 * One product as a fetcher read it, before normalisation. Prices are text as delivered ({@code
 * "$1,299.99"}, {@code "1.299,99 €"}) or already-decimal text from minor units; {@code currency} is
 * what the feed said (may be null: the source's currency applies); {@code availability} is the raw
 * value; {@code attributes} are free name → value pairs (options, properties) used for specs.
 */
public record RawProduct(
    String sku,
    String title,
    String description,
    String brand,
    String url,
    String imageUrl,
    String price,
    String originalPrice,
    String currency,
    String availability,
    List<String> categoryPath,
    Map<String, String> attributes,
    String gtin,
    String model,
    String rating,
    String reviewCount) {

  public static Builder builder() {
    return new Builder();
  }

  /** Mutable builder used by fetchers; unset fields stay null. */
  public static final class Builder {
    private String sku;
    private String title;
    private String description;
    private String brand;
    private String url;
    private String imageUrl;
    private String price;
    private String originalPrice;
    private String currency;
    private String availability;
    private List<String> categoryPath = List.of();
    private Map<String, String> attributes = Map.of();
    private String gtin;
    private String model;
    private String rating;
    private String reviewCount;

    public Builder sku(String v) {
      sku = v;
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

    public Builder price(String v) {
      price = v;
      return this;
    }

    public Builder originalPrice(String v) {
      originalPrice = v;
      return this;
    }

    public Builder currency(String v) {
      currency = v;
      return this;
    }

    public Builder availability(String v) {
      availability = v;
      return this;
    }

    public Builder categoryPath(List<String> v) {
      categoryPath = v == null ? List.of() : v;
      return this;
    }

    public Builder attributes(Map<String, String> v) {
      attributes = v == null ? Map.of() : v;
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

    public Builder rating(String v) {
      rating = v;
      return this;
    }

    public Builder reviewCount(String v) {
      reviewCount = v;
      return this;
    }

    public RawProduct build() {
      return new RawProduct(
          sku,
          title,
          description,
          brand,
          url,
          imageUrl,
          price,
          originalPrice,
          currency,
          availability,
          categoryPath,
          attributes,
          gtin,
          model,
          rating,
          reviewCount);
    }
  }
}
