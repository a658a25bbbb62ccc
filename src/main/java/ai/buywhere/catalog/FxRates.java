package ai.buywhere.catalog;

import ai.buywhere.app.ConfigException;
import ai.buywhere.app.Settings;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A static FX table: USD value of one unit of each currency. Defaults are reference rates
 * (documented in docs/configuration.md); override any with {@code FX_RATES_<CODE>=<usd per unit>}
 * in the environment or {@code fx_rates: {SGD: 0.74}} in the config file. Immutable and
 * thread-safe.
 */
public final class FxRates {
  private static final Map<String, String> DEFAULTS =
      Map.ofEntries(
          Map.entry("USD", "1"),
          Map.entry("SGD", "0.7436"),
          Map.entry("MYR", "0.2120"),
          Map.entry("THB", "0.0278"),
          Map.entry("VND", "0.0000394"),
          Map.entry("IDR", "0.0000625"),
          Map.entry("PHP", "0.0178"),
          Map.entry("EUR", "1.0850"),
          Map.entry("GBP", "1.2700"),
          Map.entry("AUD", "0.6600"),
          Map.entry("NZD", "0.6000"),
          Map.entry("JPY", "0.0067"),
          Map.entry("CAD", "0.7300"));

  private final Map<String, BigDecimal> usdPerUnit;

  public FxRates(Map<String, BigDecimal> usdPerUnit) {
    this.usdPerUnit = Map.copyOf(usdPerUnit);
  }

  public static FxRates defaults() {
    Map<String, BigDecimal> m = new HashMap<>();
    DEFAULTS.forEach((k, v) -> m.put(k, new BigDecimal(v)));
    return new FxRates(m);
  }

  public static FxRates from(Settings settings) {
    Map<String, BigDecimal> m = new HashMap<>(defaults().usdPerUnit);
    settings
        .withPrefix("FX_RATES_")
        .forEach(
            (code, value) -> {
              String c = code.toUpperCase(Locale.ROOT);
              if (!isIsoCurrency(c)) {
                throw new ConfigException(
                    "FX_RATES_" + code + ": " + code + " is not an ISO 4217 currency code");
              }
              try {
                BigDecimal rate = new BigDecimal(value);
                if (rate.signum() <= 0) {
                  throw new NumberFormatException();
                }
                m.put(c, rate);
              } catch (NumberFormatException e) {
                throw new ConfigException(
                    "FX_RATES_" + code + " must be a positive number (USD per unit), got " + value);
              }
            });
    return new FxRates(m);
  }

  public static boolean isIsoCurrency(String code) {
    if (code == null || code.length() != 3) {
      return false;
    }
    try {
      Currency.getInstance(code.toUpperCase(Locale.ROOT));
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  public boolean supports(String currency) {
    return currency != null && usdPerUnit.containsKey(currency.toUpperCase(Locale.ROOT));
  }

  public Set<String> currencies() {
    return new TreeMap<>(usdPerUnit).keySet();
  }

  /** {@code amount} in {@code currency} expressed in USD, or empty when the rate is unknown. */
  public Optional<BigDecimal> toUsd(BigDecimal amount, String currency) {
    if (amount == null || currency == null) {
      return Optional.empty();
    }
    BigDecimal rate = usdPerUnit.get(currency.toUpperCase(Locale.ROOT));
    if (rate == null) {
      return Optional.empty();
    }
    return Optional.of(amount.multiply(rate).setScale(4, RoundingMode.HALF_UP));
  }

  /** Converts between any two supported currencies, rounded to the target's minor units. */
  public Optional<BigDecimal> convert(BigDecimal amount, String from, String to) {
    if (amount == null || from == null || to == null) {
      return Optional.empty();
    }
    if (from.equalsIgnoreCase(to)) {
      return Optional.of(amount);
    }
    BigDecimal fromRate = usdPerUnit.get(from.toUpperCase(Locale.ROOT));
    BigDecimal toRate = usdPerUnit.get(to.toUpperCase(Locale.ROOT));
    if (fromRate == null || toRate == null) {
      return Optional.empty();
    }
    BigDecimal v = amount.multiply(fromRate).divide(toRate, MathContext.DECIMAL64);
    return Optional.of(v.setScale(minorUnits(to), RoundingMode.HALF_UP));
  }

  /** USD → currency, used to turn USD-normalised bounds into the active currency and back. */
  public Optional<BigDecimal> fromUsd(BigDecimal usd, String currency) {
    return convert(usd, "USD", currency);
  }

  /** ISO 4217 minor units (0 for VND/JPY/IDR-as-issued, 2 for most). */
  public static int minorUnits(String currency) {
    try {
      int d = Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getDefaultFractionDigits();
      return d < 0 ? 2 : d;
    } catch (IllegalArgumentException e) {
      return 2;
    }
  }
}
