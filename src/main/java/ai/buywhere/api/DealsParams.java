package ai.buywhere.api;

import java.math.BigDecimal;

/** Validated parameters of {@code GET /v1/products/deals}; {@code minDiscount} is 0–90. */
public record DealsParams(
    BigDecimal minDiscount,
    String countryCode,
    String currency,
    String category,
    int limit,
    int offset,
    boolean compact) {

  public static DealsParams from(Params p) {
    return new DealsParams(
        p.decimal("min_discount", BigDecimal.ZERO, BigDecimal.valueOf(90)).orElse(BigDecimal.TEN),
        ParamRules.countryCode(p).orElse(null),
        ParamRules.currency(p).orElse(null),
        ParamRules.slug(p, "category").orElse(null),
        ParamRules.limit(p),
        ParamRules.offset(p),
        p.bool("compact", false));
  }
}
