package ai.buywhere.ingest.source;

import ai.buywhere.api.ApiException;
import ai.buywhere.catalog.Markets;
import ai.buywhere.ingest.SourceKind;
import ai.buywhere.ingest.normalize.Currencies;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * What an operator registers (admin API body, YAML entry, CLI flags), in wire names. {@link
 * #validate} returns the normalised spec or throws 400 {@code invalid_params} naming the field.
 */
public record SourceSpec(
    String id,
    String kind,
    String url,
    @JsonProperty("country_code") String countryCode,
    String currency,
    @JsonProperty("interval_minutes") Integer intervalMinutes,
    Map<String, Object> options) {

  public static final String ID_PATTERN = "[a-z0-9][a-z0-9-]*(_[a-z0-9-]+)*_[a-z]{2}";

  public SourceSpec validate() {
    if (id == null || !id.matches(ID_PATTERN)) {
      throw ApiException.invalid("id", "must look like <merchant>_<cc>, e.g. bestbuy_us");
    }
    SourceKind k =
        SourceKind.parse(kind)
            .orElseThrow(
                () ->
                    ApiException.invalid(
                        "kind",
                        "must be one of shopify, woocommerce, jsonld_sitemap, google_merchant,"
                            + " csv, jsonl, push"));
    if (k != SourceKind.PUSH && !httpUrl(url)) {
      throw ApiException.invalid("url", "must be an absolute http or https URL");
    }
    String cc = countryCode == null ? id.substring(id.length() - 2) : countryCode;
    if (!Markets.isCountryCode(cc)) {
      throw ApiException.invalid("country_code", "must be a two-letter ISO 3166 code");
    }
    cc = cc.toUpperCase(Locale.ROOT);
    String cur = currency;
    if (cur == null) {
      cur = Markets.defaultCurrency(cc).orElse(null);
    }
    if (cur == null || !Currencies.isIso(cur.toUpperCase(Locale.ROOT))) {
      throw ApiException.invalid("currency", "must be an ISO 4217 code such as USD");
    }
    int interval = intervalMinutes == null ? 360 : intervalMinutes;
    if (interval < 1 || interval > 60 * 24 * 31) {
      throw ApiException.invalid("interval_minutes", "must be between 1 and 44640");
    }
    return new SourceSpec(
        id,
        k.wire(),
        url == null ? "" : url.trim(),
        cc,
        cur.toUpperCase(Locale.ROOT),
        interval,
        options == null ? Map.of() : options);
  }

  private static boolean httpUrl(String u) {
    if (u == null || u.isBlank()) {
      return false;
    }
    try {
      URI uri = URI.create(u.trim());
      return uri.getHost() != null
          && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
