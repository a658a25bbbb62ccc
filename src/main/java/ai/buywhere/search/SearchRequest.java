package ai.buywhere.search;

import java.math.BigDecimal;
import java.util.Set;

/**
 * A validated search: every field is already checked by the caller (API or MCP layer). Null means
 * "no filter". Prices are bounds on {@code normalized_price_usd}: callers convert the active
 * currency's bounds to USD with {@link ai.buywhere.catalog.FxRates}. {@code hiddenCountries} are
 * markets switched off by the kill switch; their products never appear.
 *
 * @param q free text; null or blank matches everything
 * @param category a category slug; matches that category and everything below it
 * @param minDiscountPct only products whose discount is at least this (deals)
 */
public record SearchRequest(
    String q,
    String domain,
    String merchantId,
    String region,
    String countryCode,
    String category,
    String brand,
    String availability,
    BigDecimal minPriceUsd,
    BigDecimal maxPriceUsd,
    BigDecimal minDiscountPct,
    SortOrder sort,
    int limit,
    int offset,
    boolean includeFacets,
    Set<String> hiddenCountries) {

  public SearchRequest {
    hiddenCountries = hiddenCountries == null ? Set.of() : Set.copyOf(hiddenCountries);
    sort = sort == null ? SortOrder.RELEVANCE : sort;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Fluent construction; defaults: relevance, limit 20, offset 0, no facets. */
  public static final class Builder {
    private String q;
    private String domain;
    private String merchantId;
    private String region;
    private String countryCode;
    private String category;
    private String brand;
    private String availability;
    private BigDecimal minPriceUsd;
    private BigDecimal maxPriceUsd;
    private BigDecimal minDiscountPct;
    private SortOrder sort = SortOrder.RELEVANCE;
    private int limit = 20;
    private int offset;
    private boolean includeFacets;
    private Set<String> hiddenCountries = Set.of();

    public Builder q(String v) {
      q = v;
      return this;
    }

    public Builder domain(String v) {
      domain = v;
      return this;
    }

    public Builder merchantId(String v) {
      merchantId = v;
      return this;
    }

    public Builder region(String v) {
      region = v;
      return this;
    }

    public Builder countryCode(String v) {
      countryCode = v;
      return this;
    }

    public Builder category(String v) {
      category = v;
      return this;
    }

    public Builder brand(String v) {
      brand = v;
      return this;
    }

    public Builder availability(String v) {
      availability = v;
      return this;
    }

    public Builder minPriceUsd(BigDecimal v) {
      minPriceUsd = v;
      return this;
    }

    public Builder maxPriceUsd(BigDecimal v) {
      maxPriceUsd = v;
      return this;
    }

    public Builder minDiscountPct(BigDecimal v) {
      minDiscountPct = v;
      return this;
    }

    public Builder sort(SortOrder v) {
      sort = v;
      return this;
    }

    public Builder limit(int v) {
      limit = v;
      return this;
    }

    public Builder offset(int v) {
      offset = v;
      return this;
    }

    public Builder includeFacets(boolean v) {
      includeFacets = v;
      return this;
    }

    public Builder hiddenCountries(Set<String> v) {
      hiddenCountries = v;
      return this;
    }

    public SearchRequest build() {
      return new SearchRequest(
          q,
          domain,
          merchantId,
          region,
          countryCode,
          category,
          brand,
          availability,
          minPriceUsd,
          maxPriceUsd,
          minDiscountPct,
          sort,
          limit,
          offset,
          includeFacets,
          hiddenCountries);
    }
  }
}
