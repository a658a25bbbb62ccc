package ai.buywhere.search;

import java.util.List;
import java.util.Map;

/**
 * One page of results with the exact total. {@code facets} is empty unless asked for; its keys are
 * {@code brand}, {@code domain}, {@code category} (every ancestor slug counted) and {@code price}
 * (bucket label → count, in USD), each mapping value → count, largest first.
 */
public record SearchResult(
    long total, List<SearchHit> hits, Map<String, Map<String, Long>> facets) {}
