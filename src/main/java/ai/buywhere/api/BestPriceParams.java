package ai.buywhere.api;

/**
 * Validated parameters of {@code GET /v1/products/best-price} (and the MCP {@code find_best_price}
 * tool): {@code q} is required; {@code category} is a slug validated exactly as on search, null
 * when absent.
 */
public record BestPriceParams(
    String q, String countryCode, String category, String currency, boolean compact) {

  public static BestPriceParams from(Params p) {
    String q =
        p.string("q", ParamRules.MAX_Q).orElseThrow(() -> ApiException.invalid("q", "is required"));
    return new BestPriceParams(
        q,
        ParamRules.countryCode(p).orElse(null),
        ParamRules.slug(p, "category").orElse(null),
        ParamRules.currency(p).orElse(null),
        p.bool("compact", false));
  }
}
