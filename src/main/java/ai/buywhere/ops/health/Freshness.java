package ai.buywhere.ops.health;

/**
 * The data-freshness summary in {@code /health}: sources whose last successful run is within their
 * staleness bound, those beyond it, and the oldest last-run age in hours (null when no source ran).
 * Ingestion supplies it through {@link HealthRegistry#freshness(java.util.function.Supplier)}.
 */
public record Freshness(int sourcesFresh, int sourcesStale, Double oldestLastRunAgeH) {
  public static final Freshness NONE = new Freshness(0, 0, null);
}
