package ai.buywhere.catalog;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Country → default currency and country → region, as the public contract states them (SG→SGD,
 * US→USD, VN→VND, TH→THB, MY→MYR) plus the neighbours ingestion meets. Regions are the contract's
 * {@code sea | us | eu | au}.
 */
public final class Markets {
  public static final Set<String> REGIONS = Set.of("sea", "us", "eu", "au");

  private static final Map<String, String> CURRENCY =
      Map.ofEntries(
          Map.entry("SG", "SGD"),
          Map.entry("US", "USD"),
          Map.entry("VN", "VND"),
          Map.entry("TH", "THB"),
          Map.entry("MY", "MYR"),
          Map.entry("ID", "IDR"),
          Map.entry("PH", "PHP"),
          Map.entry("AU", "AUD"),
          Map.entry("NZ", "NZD"),
          Map.entry("GB", "GBP"),
          Map.entry("DE", "EUR"),
          Map.entry("FR", "EUR"),
          Map.entry("NL", "EUR"),
          Map.entry("IT", "EUR"),
          Map.entry("ES", "EUR"),
          Map.entry("IE", "EUR"),
          Map.entry("JP", "JPY"),
          Map.entry("CA", "CAD"));

  private static final Set<String> SEA = Set.of("SG", "VN", "TH", "MY", "ID", "PH");
  private static final Set<String> EU = Set.of("GB", "DE", "FR", "NL", "IT", "ES", "IE");
  private static final Set<String> AU = Set.of("AU", "NZ");

  private Markets() {}

  public static Optional<String> defaultCurrency(String countryCode) {
    return Optional.ofNullable(CURRENCY.get(countryCode.toUpperCase(Locale.ROOT)));
  }

  /** The region a country belongs to; {@code us} for the Americas, {@code sea} otherwise. */
  public static String regionOf(String countryCode) {
    String cc = countryCode.toUpperCase(Locale.ROOT);
    if (SEA.contains(cc)) {
      return "sea";
    }
    if (EU.contains(cc)) {
      return "eu";
    }
    if (AU.contains(cc)) {
      return "au";
    }
    if (cc.equals("US") || cc.equals("CA")) {
      return "us";
    }
    return "sea";
  }

  public static boolean isCountryCode(String s) {
    return s != null && s.length() == 2 && s.chars().allMatch(Character::isLetter);
  }
}
