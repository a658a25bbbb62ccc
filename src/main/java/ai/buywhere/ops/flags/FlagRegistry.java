package ai.buywhere.ops.flags;

import ai.buywhere.catalog.Markets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The flags the system knows. Only registered flags can be asked for, overridden or set from a
 * file, so a typo is an error rather than a silently-false flag. Features declare their own flags
 * with {@link #register} before the registry is handed to {@link FeatureFlags}.
 *
 * <p>{@link #standard()} holds the runbook's flags plus, for every market the catalog knows, a
 * {@code <cc>_market_enabled} kill switch and a {@code <cc>_data_ingestion_enabled} ingestion
 * switch (both default on). Not thread-safe while registering; read-only afterwards.
 */
public final class FlagRegistry {
  /** Markets with a kill switch: the countries {@link Markets} knows a currency for. */
  static final List<String> MARKETS =
      List.of(
              "SG", "US", "VN", "TH", "MY", "ID", "PH", "AU", "NZ", "GB", "DE", "FR", "NL", "IT",
              "ES", "IE", "JP", "CA")
          .stream()
          .filter(cc -> Markets.defaultCurrency(cc).isPresent())
          .toList();

  private final Map<String, FlagDefinition> flags = new LinkedHashMap<>();

  /** An empty registry; most callers want {@link #standard()}. */
  public FlagRegistry() {}

  public static FlagRegistry standard() {
    FlagRegistry r = new FlagRegistry();
    r.register("feature_new_search", "New search algorithm", false);
    r.register("feature_bulk_ingest", "Bulk product ingestion", false);
    r.register("feature_mcp_server", "MCP server integration", true);
    r.register("feature_advanced_analytics", "Advanced analytics dashboard", false);
    r.register("feature_experimental_scraper", "Experimental scraper features", false);
    for (String cc : MARKETS) {
      String lc = cc.toLowerCase(Locale.ROOT);
      r.register(
          marketFlag(cc),
          "Market kill switch: when off, " + cc + " products vanish from every read path",
          true);
      r.register(
          ingestionFlag(cc),
          "When off, ingestion of " + cc + " sources pauses (" + lc + "_market_enabled too)",
          true);
    }
    return r;
  }

  public static String marketFlag(String countryCode) {
    return countryCode.toLowerCase(Locale.ROOT) + "_market_enabled";
  }

  public static String ingestionFlag(String countryCode) {
    return countryCode.toLowerCase(Locale.ROOT) + "_data_ingestion_enabled";
  }

  /** Declares a flag; declaring the same name twice is a programming error. */
  public FlagRegistry register(String name, String description, boolean defaultValue) {
    FlagDefinition def = new FlagDefinition(name, description, defaultValue);
    if (flags.putIfAbsent(name, def) != null) {
      throw new IllegalStateException("flag " + name + " is declared twice");
    }
    return this;
  }

  public Optional<FlagDefinition> find(String name) {
    return Optional.ofNullable(name == null ? null : flags.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The definition, or {@link UnknownFlagException}. */
  public FlagDefinition require(String name) {
    return find(name).orElseThrow(() -> new UnknownFlagException(name));
  }

  /**
   * Maps a key as written in a flags file or by an operator ({@code feature_new_search}, {@code
   * FEATURE_NEW_SEARCH}, {@code FEATURE_US_MARKET_ENABLED}) to a known flag.
   */
  public Optional<FlagDefinition> lookupLenient(String key) {
    String k = key.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    Optional<FlagDefinition> d = find(k);
    if (d.isEmpty() && k.startsWith("feature_")) {
      d = find(k.substring("feature_".length()));
    }
    return d;
  }

  public Collection<FlagDefinition> all() {
    return Collections.unmodifiableCollection(new ArrayList<>(flags.values()));
  }
}
