package ai.buywhere.api;

/** Validated parameters of {@code GET /v1/products/best-price}: {@code q} is required. */
public record BestPriceParams(String q, String countryCode, String currency, boolean compact) {

  public static BestPriceParams from(Params p) {
    String q =
        p.string("q", ParamRules.MAX_Q).orElseThrow(() -> ApiException.invalid("q", "is required"));
    return new BestPriceParams(
        q,
        ParamRules.countryCode(p).orElse(null),
        ParamRules.currency(p).orElse(null),
        p.bool("compact", false));
  }
}
