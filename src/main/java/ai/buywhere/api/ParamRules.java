package ai.buywhere.api;

import ai.buywhere.catalog.Availability;
import ai.buywhere.catalog.FxRates;
import ai.buywhere.catalog.Markets;
import java.util.Locale;
import java.util.Optional;

/** Validation rules shared by several endpoints' parameters; each names the parameter. */
final class ParamRules {
  static final int MAX_Q = 500;
  static final int MAX_OFFSET = 10_000;
  static final int MAX_LIMIT = 100;
  static final int MAX_TEXT = 200;

  private ParamRules() {}

  /**
   * A country with a known market (SG, US, VN, TH, MY and the neighbours {@link Markets} knows).
   */
  static Optional<String> countryCode(Params p) {
    return p.string("country_code")
        .map(
            raw -> {
              String cc = raw.toUpperCase(Locale.ROOT);
              if (!Markets.isCountryCode(cc) || Markets.defaultCurrency(cc).isEmpty()) {
                throw ApiException.invalid("country_code", "is not a supported country: " + raw);
              }
              return cc;
            });
  }

  /** An ISO 4217 code; whether the FX table supports it is checked when the request runs. */
  static Optional<String> currency(Params p) {
    return p.string("currency")
        .map(
            raw -> {
              String c = raw.toUpperCase(Locale.ROOT);
              if (!FxRates.isIsoCurrency(c)) {
                throw ApiException.invalid("currency", "is not an ISO 4217 currency code: " + raw);
              }
              return c;
            });
  }

  static Optional<String> region(Params p) {
    return p.string("region")
        .map(
            raw -> {
              String r = raw.toLowerCase(Locale.ROOT);
              if (!Markets.REGIONS.contains(r)) {
                throw ApiException.invalid("region", "must be one of sea, us, eu, au");
              }
              return r;
            });
  }

  static Optional<String> availability(Params p) {
    return p.string("availability")
        .map(
            raw -> {
              for (Availability a : Availability.values()) {
                if (a.wire().equalsIgnoreCase(raw)) {
                  return a.wire();
                }
              }
              throw ApiException.invalid(
                  "availability", "must be one of in_stock, out_of_stock, preorder, limited");
            });
  }

  /** A category slug: lower-case letters, digits and dashes. */
  static Optional<String> slug(Params p, String name) {
    return p.string(name, MAX_TEXT)
        .map(
            raw -> {
              String s = raw.toLowerCase(Locale.ROOT);
              if (!s.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                throw ApiException.invalid(
                    name, "must be a category slug such as electronics-audio");
              }
              return s;
            });
  }

  static int limit(Params p) {
    return p.integer("limit", 20, 1, MAX_LIMIT);
  }

  static int offset(Params p) {
    return p.integer("offset", 0, 0, MAX_OFFSET);
  }
}
