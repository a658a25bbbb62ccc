package ai.buywhere.api;

/**
 * Validated parameters of the single-product endpoints ({@code /v1/products/{id}} and its {@code
 * prices}, {@code price-history} and {@code similar} sub-resources). {@code days} and {@code limit}
 * are 0 where the endpoint has none.
 */
public record ProductParams(String id, String currency, int days, int limit, boolean compact) {

  public static ProductParams product(Params p) {
    return new ProductParams(id(p), ParamRules.currency(p).orElse(null), 0, 0, false);
  }

  /** {@code days} 1–90, default 30. */
  public static ProductParams prices(Params p) {
    return new ProductParams(
        id(p), ParamRules.currency(p).orElse(null), p.integer("days", 30, 1, 90), 0, false);
  }

  /** {@code days} 1–365, default 30. */
  public static ProductParams priceHistory(Params p) {
    return new ProductParams(
        id(p), ParamRules.currency(p).orElse(null), p.integer("days", 30, 1, 365), 0, false);
  }

  /** {@code limit} 1–50, default 10. */
  public static ProductParams similar(Params p) {
    return new ProductParams(
        id(p),
        ParamRules.currency(p).orElse(null),
        0,
        p.integer("limit", 10, 1, 50),
        p.bool("compact", false));
  }

  private static String id(Params p) {
    return p.requiredUuid("id");
  }
}
