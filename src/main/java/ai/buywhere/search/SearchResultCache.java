package ai.buywhere.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.io.IOException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;

/**
 * Recent search results, each kept for the index reader that produced it.
 *
 * <p>An entry's key is the whole {@link SearchRequest} (hidden markets and USD price bounds
 * included) plus the identity of the reader it was computed on, so a hit is always the answer that
 * reader would give again: a catalog change becomes visible through a new reader, and no entry of
 * an older reader can match it. When a newer reader shows up the whole cache is emptied, so memory
 * holds only results of the current one.
 *
 * <p>Bounded by the number of hits held ({@link #weight}), not by entries: a page of 100 weighs
 * 101, an empty result 1, and each facet value counts as one more (facets are the part of an entry
 * no other cache shares). The hits' products are the decoded products that {@link HitProducts} also
 * keeps; at about 2 KB each, the default bound holds at most some 40 MB. Thread-safe.
 */
final class SearchResultCache {
  /** Hits held by default: about 1,000 pages of 20. */
  static final int DEFAULT_MAX_HITS = 20_000;

  private record Key(IndexReader.CacheKey reader, SearchRequest request) {}

  private final Cache<Key, SearchResult> cache;
  private volatile long readerVersion = -1;

  /** {@code maxHits} 0 turns the cache off: every look-up misses and nothing is kept. */
  SearchResultCache(int maxHits) {
    if (maxHits < 0) {
      throw new IllegalArgumentException("maxHits must be >= 0: " + maxHits);
    }
    this.cache =
        maxHits == 0
            ? null
            : Caffeine.newBuilder()
                .maximumWeight(maxHits)
                .weigher((Key k, SearchResult v) -> weight(v))
                .recordStats()
                .build();
  }

  static int weight(SearchResult r) {
    int facetValues = 0;
    for (var dimension : r.facets().values()) {
      facetValues += dimension.size();
    }
    return 1 + r.hits().size() + facetValues;
  }

  /** A search run on a miss. */
  interface Search {
    SearchResult run() throws IOException;
  }

  /**
   * The result {@code reader} gave for {@code request} before, marked as cached; else what {@code
   * search} returns, kept for the next time.
   */
  SearchResult getOrSearch(IndexReader reader, SearchRequest request, Search search)
      throws IOException {
    Key key = key(reader, request);
    if (key == null) {
      return search.run();
    }
    SearchResult hit = cache.getIfPresent(key);
    if (hit != null) {
      return hit.asCached();
    }
    SearchResult fresh = search.run();
    cache.put(key, fresh);
    return fresh;
  }

  /** The result {@code reader} gave for {@code request} before, marked as cached; else null. */
  SearchResult get(IndexReader reader, SearchRequest request) {
    Key key = key(reader, request);
    SearchResult hit = key == null ? null : cache.getIfPresent(key);
    return hit == null ? null : hit.asCached();
  }

  /** Look-ups and hits since start; all zero when the cache is off. */
  CacheStats stats() {
    return cache == null ? CacheStats.empty() : cache.stats();
  }

  /** Hits held now, after pending evictions, by {@link #weight}. */
  long weightedSize() {
    if (cache == null) {
      return 0;
    }
    cache.cleanUp();
    return cache.policy().eviction().orElseThrow().weightedSize().orElseThrow();
  }

  private Key key(IndexReader reader, SearchRequest request) {
    if (cache == null) {
      return null;
    }
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) {
      return null;
    }
    if (reader instanceof DirectoryReader dr && dr.getVersion() != readerVersion) {
      // another reader: results of the one before can never be asked for again (a search still
      // running on an older reader may flip this back once; that only empties the cache again)
      readerVersion = dr.getVersion();
      cache.invalidateAll();
    }
    return new Key(helper.getKey(), request);
  }
}
