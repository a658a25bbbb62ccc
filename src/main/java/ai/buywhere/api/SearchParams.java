package ai.buywhere.api;

import ai.buywhere.search.SortOrder;
import java.math.BigDecimal;

/**
 * Validated parameters of {@code GET /v1/products/search} (and the MCP {@code search_products}
 * tool). Null means absent. Prices are in the active currency (see {@link CatalogQueryService}).
 */
public record SearchParams(
    String q,
    String domain,
    String merchantId,
    String region,
    String countryCode,
    String category,
    String brand,
    String availability,
    BigDecimal minPrice,
    BigDecimal maxPrice,
    String currency,
    SortOrder sort,
    int limit,
    int offset,
    boolean compact,
    boolean includeFacets) {

  public static SearchParams from(Params p) {
    BigDecimal min = p.decimal("min_price", BigDecimal.ZERO, null).orElse(null);
    BigDecimal max = p.decimal("max_price", BigDecimal.ZERO, null).orElse(null);
    if (min != null && max != null && min.compareTo(max) > 0) {
      throw ApiException.invalid("min_price", "must not be greater than max_price");
    }
    SortOrder sort =
        p.string("sort")
            .map(
                s ->
                    SortOrder.parse(s)
                        .filter(o -> o != SortOrder.DISCOUNT)
                        .orElseThrow(
                            () ->
                                ApiException.invalid(
                                    "sort",
                                    "must be one of relevance, price_asc, price_desc, newest,"
                                        + " rating")))
            .orElse(SortOrder.RELEVANCE);
    return new SearchParams(
        p.string("q", ParamRules.MAX_Q).orElse(null),
        p.string("domain", ParamRules.MAX_TEXT).orElse(null),
        p.string("merchant_id", ParamRules.MAX_TEXT).orElse(null),
        ParamRules.region(p).orElse(null),
        ParamRules.countryCode(p).orElse(null),
        ParamRules.slug(p, "category").orElse(null),
        p.string("brand", ParamRules.MAX_TEXT).orElse(null),
        ParamRules.availability(p).orElse(null),
        min,
        max,
        ParamRules.currency(p).orElse(null),
        sort,
        ParamRules.limit(p),
        ParamRules.offset(p),
        p.bool("compact", false),
        p.bool("include_facets", false));
  }
}
