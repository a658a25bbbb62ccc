package ai.buywhere.ingest.normalize;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Price text → amount (and any currency written next to it). Handles {@code 1,299.99}, {@code
 * 1.299,99}, {@code 1 299,99}, {@code 1'299.99}, symbols and ISO codes on either side, and minor
 * units with the currency's own exponent (JPY/VND have 0: {@code 1500} minor units is {@code 1500},
 * never {@code 15.00}).
 */
public final class Prices {
  private static final Pattern NUMBER = Pattern.compile("-?\\d[\\d.,'\u00a0\u202f ]*");
  private static final Pattern CODE = Pattern.compile("\\b([A-Z]{3})\\b");
  private static final Map<String, String> SYMBOLS =
      Map.ofEntries(
          Map.entry("S$", "SGD"),
          Map.entry("US$", "USD"),
          Map.entry("A$", "AUD"),
          Map.entry("AU$", "AUD"),
          Map.entry("NZ$", "NZD"),
          Map.entry("C$", "CAD"),
          Map.entry("RM", "MYR"),
          Map.entry("€", "EUR"),
          Map.entry("£", "GBP"),
          Map.entry("¥", "JPY"),
          Map.entry("₫", "VND"),
          Map.entry("฿", "THB"),
          Map.entry("₱", "PHP"),
          Map.entry("Rp", "IDR"));

  private Prices() {}

  /** A parsed price: amount and the currency the text named, if any. */
  public record Parsed(BigDecimal amount, String currency) {}

  public static Optional<Parsed> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String t = text.trim();
    Matcher m = NUMBER.matcher(t);
    if (!m.find()) {
      return Optional.empty();
    }
    Optional<BigDecimal> amount = number(m.group());
    if (amount.isEmpty()) {
      return Optional.empty();
    }
    String rest = (t.substring(0, m.start()) + " " + t.substring(m.end())).trim();
    return Optional.of(new Parsed(amount.get(), currencyIn(rest)));
  }

  public static Optional<BigDecimal> amount(String text) {
    return parse(text).map(Parsed::amount);
  }

  /** The decimal value of {@code minor} minor units of a currency with {@code exponent} digits. */
  public static Optional<BigDecimal> fromMinor(String minor, int exponent) {
    if (minor == null || !minor.trim().matches("-?\\d+") || exponent < 0 || exponent > 4) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(minor.trim()).movePointLeft(exponent));
  }

  /** ISO 4217 exponent (USD 2, JPY 0, VND 0); 2 when unknown. */
  public static int exponentOf(String currency) {
    try {
      int d = Currency.getInstance(currency).getDefaultFractionDigits();
      return d < 0 ? 2 : d;
    } catch (IllegalArgumentException | NullPointerException e) {
      return 2;
    }
  }

  /**
   * A number with thousands separators in any common style. The last separator is the decimal point
   * when followed by 1–2 digits (or 3 with a different separator before it).
   */
  static Optional<BigDecimal> number(String raw) {
    String s = raw.replaceAll("[\u00a0\u202f' ]", "").replaceAll("[.,]+$", "");
    if (s.isEmpty() || s.equals("-")) {
      return Optional.empty();
    }
    int lastDot = s.lastIndexOf('.');
    int lastComma = s.lastIndexOf(',');
    int last = Math.max(lastDot, lastComma);
    String normalized;
    if (last < 0) {
      normalized = s;
    } else {
      char sep = s.charAt(last);
      char other = sep == '.' ? ',' : '.';
      int tail = s.length() - last - 1;
      boolean bothUsed = s.indexOf(other) >= 0;
      boolean repeated = s.indexOf(sep) != last;
      boolean decimal =
          bothUsed
              || (!repeated && tail != 3)
              || (!repeated && sep == '.' && tail == 3 && s.startsWith("0"));
      if (decimal) {
        normalized =
            s.substring(0, last).replace(String.valueOf(other), "").replace(String.valueOf(sep), "")
                + "."
                + s.substring(last + 1);
      } else {
        normalized = s.replace(String.valueOf(sep), "").replace(String.valueOf(other), "");
      }
    }
    try {
      return Optional.of(new BigDecimal(normalized));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** An ISO code or known symbol in {@code text}, or null. */
  static String currencyIn(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    Matcher m = CODE.matcher(text.toUpperCase(Locale.ROOT));
    while (m.find()) {
      if (Currencies.isIso(m.group(1))) {
        return m.group(1);
      }
    }
    for (Map.Entry<String, String> e : SYMBOLS.entrySet()) {
      if (e.getKey().length() > 1 && text.contains(e.getKey())) {
        return e.getValue();
      }
    }
    for (Map.Entry<String, String> e : SYMBOLS.entrySet()) {
      if (e.getKey().length() == 1 && text.contains(e.getKey())) {
        return e.getValue();
      }
    }
    return null;
  }
}
