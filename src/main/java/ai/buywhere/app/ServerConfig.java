package ai.buywhere.app;

import ai.buywhere.catalog.Markets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Core settings every command needs. Defaults: {@code PORT} 8000, {@code HOST} 0.0.0.0, {@code
 * DATA_DIR} ./data, {@code DEFAULT_COUNTRY} SG (the public contract's default market; {@code ALL}
 * searches every market when a request names none).
 */
public record ServerConfig(int port, String host, Path dataDir, String defaultCountry) {

  public static ServerConfig from(Settings s) {
    int port = s.getInt("PORT", 8000, 0, 65535);
    String host = s.get("HOST", "0.0.0.0");
    Path dataDir = Path.of(s.get("DATA_DIR", "./data"));
    String country = s.get("DEFAULT_COUNTRY", "SG").toUpperCase(Locale.ROOT);
    if (!country.equals("ALL") && !Markets.isCountryCode(country)) {
      throw new ConfigException(
          "DEFAULT_COUNTRY must be a two-letter country code such as SG or US, or ALL; got "
              + country);
    }
    return new ServerConfig(port, host, dataDir, country);
  }

  /** The market searched when a request names none; empty means every market. */
  public Optional<String> defaultCountryFilter() {
    return defaultCountry.equals("ALL") ? Optional.empty() : Optional.of(defaultCountry);
  }
}
