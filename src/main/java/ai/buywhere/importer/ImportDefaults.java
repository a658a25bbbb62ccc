package ai.buywhere.importer;

import java.util.Locale;

/**
 * Values for records that lack them ({@code --source}, {@code --country}, {@code --currency}). Any
 * may be null. A record's own value always wins.
 */
public record ImportDefaults(String source, String countryCode, String currency) {
  public static final ImportDefaults NONE = new ImportDefaults(null, null, null);

  public ImportDefaults {
    countryCode = countryCode == null ? null : countryCode.trim().toUpperCase(Locale.ROOT);
    currency = currency == null ? null : currency.trim().toUpperCase(Locale.ROOT);
  }
}
