package ai.buywhere.ops.flags;

import ai.buywhere.api.ApiException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The market kill switch over the {@code <cc>_market_enabled} and {@code
 * <cc>_data_ingestion_enabled} flags. Nothing is deleted or reindexed: every read path passes
 * {@link #hiddenCountries()} into {@code SearchRequest.hiddenCountries} (filtering at query time)
 * and direct product reads call {@link #requireVisible}; ingestion asks {@link #isIngestionAllowed}
 * before each run. Turning a market back on therefore restores it from the next request on.
 *
 * <p>Cheap enough to call per request (a handful of map reads over the flag snapshot).
 */
public final class MarketSwitch implements Supplier<Set<String>> {
  private final FeatureFlags flags;

  public MarketSwitch(FeatureFlags flags) {
    this.flags = flags;
  }

  /** Upper-case country codes whose market flag is off right now. */
  public Set<String> hiddenCountries() {
    Set<String> out = new TreeSet<>();
    for (String cc : FlagRegistry.MARKETS) {
      String flag = FlagRegistry.marketFlag(cc);
      if (flags.registry().find(flag).isPresent() && !flags.isEnabled(flag)) {
        out.add(cc);
      }
    }
    return Set.copyOf(out);
  }

  /** The same as {@link #hiddenCountries()}: hand this to the API as the hidden-markets hook. */
  @Override
  public Set<String> get() {
    return hiddenCountries();
  }

  public boolean isHidden(String countryCode) {
    return countryCode != null && hiddenCountries().contains(countryCode.toUpperCase(Locale.ROOT));
  }

  /** 404 for a direct read of a product whose market is switched off. */
  public void requireVisible(String productId, String countryCode) {
    if (isHidden(countryCode)) {
      throw ApiException.notFound(
          "Product "
              + productId
              + " is not available: the "
              + countryCode.toUpperCase(Locale.ROOT)
              + " market is currently disabled");
    }
  }

  /**
   * Whether ingestion of this market's sources may run: both its market flag and its data-ingestion
   * flag must be on. A country without registered flags is always allowed.
   */
  public boolean isIngestionAllowed(String countryCode) {
    if (countryCode == null) {
      return true;
    }
    for (String flag :
        List.of(FlagRegistry.marketFlag(countryCode), FlagRegistry.ingestionFlag(countryCode))) {
      if (flags.registry().find(flag).isPresent() && !flags.isEnabled(flag)) {
        return false;
      }
    }
    return true;
  }

  /** True for the flags {@code PATCH /admin/features} may set. */
  static boolean isMarketFlag(String flag) {
    return flag.matches("[a-z]{2}_(market|data_ingestion)_enabled");
  }

  /** For {@code /health}: which markets are hidden and whose ingestion is paused. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Status(Set<String> hiddenCountries, Set<String> ingestionPaused) {
    /** Snake_case health check details. */
    public Map<String, Object> details() {
      return Map.of(
          "hidden_countries", List.copyOf(hiddenCountries),
          "ingestion_paused", List.copyOf(ingestionPaused));
    }
  }

  public Status status() {
    Set<String> paused = new TreeSet<>();
    for (String cc : FlagRegistry.MARKETS) {
      if (!isIngestionAllowed(cc)) {
        paused.add(cc);
      }
    }
    return new Status(new TreeSet<>(hiddenCountries()), paused);
  }

  /** Every market flag and its state, for {@code GET /admin/features}. */
  Map<String, Boolean> marketFlags() {
    Map<String, Boolean> out = new LinkedHashMap<>();
    for (FlagDefinition d : flags.registry().all()) {
      if (isMarketFlag(d.name())) {
        out.put(d.name(), flags.isEnabled(d.name()));
      }
    }
    return out;
  }
}
