package ai.buywhere.app;

import ai.buywhere.catalog.Markets;
import ai.buywhere.search.SearchService;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Core settings every command needs. Defaults: {@code PORT} 8000, {@code HOST} 0.0.0.0, {@code
 * DATA_DIR} ./data, {@code DEFAULT_COUNTRY} SG (the public contract's default market; {@code ALL}
 * searches every market when a request names none), {@code SEARCH_CACHE_MAX_HITS} 20,000 (hits of
 * recent search results kept for repeated searches; 0 turns the result cache off).
 */
public record ServerConfig(
    int port, String host, Path dataDir, String defaultCountry, int searchCacheHits) {

  /** Upper bound of {@code SEARCH_CACHE_MAX_HITS}: at about 2 KB per hit, some 2 GB. */
  public static final int MAX_SEARCH_CACHE_HITS = 1_000_000;

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
    int searchCacheHits =
        s.getInt(
            "SEARCH_CACHE_MAX_HITS",
            SearchService.DEFAULT_RESULT_CACHE_HITS,
            0,
            MAX_SEARCH_CACHE_HITS);
    return new ServerConfig(port, host, dataDir, country, searchCacheHits);
  }

  /** The market searched when a request names none; empty means every market. */
  public Optional<String> defaultCountryFilter() {
    return defaultCountry.equals("ALL") ? Optional.empty() : Optional.of(defaultCountry);
  }
}
