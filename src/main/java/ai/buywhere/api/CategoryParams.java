package ai.buywhere.api;

/**
 * Validated parameters of {@code GET /v1/categories} ({@code slug} null) and {@code
 * /v1/categories/{slug}}.
 */
public record CategoryParams(
    String slug, String countryCode, String currency, int limit, int offset, boolean compact) {

  public static CategoryParams list(Params p) {
    return new CategoryParams(
        null,
        ParamRules.countryCode(p).orElse(null),
        ParamRules.currency(p).orElse(null),
        20,
        0,
        false);
  }

  public static CategoryParams detail(Params p) {
    return new CategoryParams(
        ParamRules.slug(p, "slug").orElseThrow(() -> ApiException.invalid("slug", "is required")),
        ParamRules.countryCode(p).orElse(null),
        ParamRules.currency(p).orElse(null),
        ParamRules.limit(p),
        ParamRules.offset(p),
        p.bool("compact", false));
  }
}
