package ai.buywhere.search;

import java.util.List;
import java.util.Map;

/**
 * One page of results with the exact total. {@code facets} is empty unless asked for; its keys are
 * {@code brand}, {@code domain}, {@code category} (every ancestor slug counted) and {@code price}
 * (bucket label → count, in USD), each mapping value → count, largest first. {@code cached}: the
 * page came from the result cache (the same index state answered the same request before). Shared
 * between the requests the cache serves: never modify its lists or maps.
 */
public record SearchResult(
    long total, List<SearchHit> hits, Map<String, Map<String, Long>> facets, boolean cached) {

  /** A freshly computed result. */
  public SearchResult(long total, List<SearchHit> hits, Map<String, Map<String, Long>> facets) {
    this(total, hits, facets, false);
  }

  /** The same result, as served from the cache. */
  SearchResult asCached() {
    return cached ? this : new SearchResult(total, hits, facets, true);
  }
}
