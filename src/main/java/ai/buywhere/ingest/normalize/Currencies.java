package ai.buywhere.ingest.normalize;

import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** ISO 4217 validation and normalisation of currency codes. */
public final class Currencies {
  private static final Set<String> ISO =
      Currency.getAvailableCurrencies().stream()
          .map(Currency::getCurrencyCode)
          .collect(Collectors.toUnmodifiableSet());

  private Currencies() {}

  public static boolean isIso(String code) {
    return code != null && ISO.contains(code);
  }

  /** The upper-cased ISO code, or empty when {@code raw} is not one. */
  public static Optional<String> normalize(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String c = raw.trim().toUpperCase(Locale.ROOT);
    return isIso(c) ? Optional.of(c) : Optional.ofNullable(Prices.currencyIn(raw.trim()));
  }
}
