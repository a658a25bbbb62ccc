package ai.buywhere.search;

import ai.buywhere.catalog.CatalogRepository;
import ai.buywhere.catalog.CatalogWriter;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Search as the application wires it: an index directory, the {@link ProductSearch} over it and, in
 * writer mode, the {@link SearchIndexer} that keeps it in step with the catalog. Closing it stops
 * the indexer and closes the index (committing what was applied).
 */
public final class SearchService implements AutoCloseable {
  public static final Duration POLL_INTERVAL = Duration.ofMillis(250);
  public static final Duration REOPEN_INTERVAL = Duration.ofMillis(500);

  private final SearchIndex index;
  private final SearchIndexer indexer;
  private final LuceneProductSearch search;

  /** Hits of recent results kept by default ({@link SearchResultCache}). */
  public static final int DEFAULT_RESULT_CACHE_HITS = SearchResultCache.DEFAULT_MAX_HITS;

  private SearchService(SearchIndex index, SearchIndexer indexer, int resultCacheHits) {
    this.index = index;
    this.indexer = indexer;
    this.search =
        new LuceneProductSearch(
            index,
            RelevanceTuning.DEFAULT,
            LuceneProductSearch.DEFAULT_PRODUCT_CACHE,
            resultCacheHits);
  }

  /** The index directory inside a data dir. */
  public static Path indexDir(Path dataDir) {
    return dataDir.resolve("index");
  }

  /**
   * Writer mode: opens (or creates) the index, rebuilds or catches up synchronously, then follows
   * the catalog in the background, woken by {@code writer}'s commits.
   *
   * @throws IndexLockedException when another process holds the index
   */
  public static SearchService open(
      Path indexDir, CatalogRepository catalog, CatalogWriter writer, Duration pollInterval) {
    return open(indexDir, catalog, writer, pollInterval, 0);
  }

  /**
   * The same, with a result cache of {@code resultCacheHits} hits (0: none) for processes that
   * serve searches.
   */
  public static SearchService open(
      Path indexDir,
      CatalogRepository catalog,
      CatalogWriter writer,
      Duration pollInterval,
      int resultCacheHits) {
    SearchIndex index = SearchIndex.openWriter(indexDir);
    try {
      SearchIndexer indexer = new SearchIndexer(index, catalog, pollInterval);
      indexer.start();
      writer.addListener(indexer);
      return new SearchService(index, indexer, resultCacheHits);
    } catch (RuntimeException e) {
      index.close();
      throw e;
    }
  }

  /** Read-only mode for a second process on the same data dir; never takes the write lock. */
  public static SearchService openReadOnly(Path indexDir, Duration reopenInterval) {
    return openReadOnly(indexDir, reopenInterval, 0);
  }

  /** The same, with a result cache of {@code resultCacheHits} hits (0: none). */
  public static SearchService openReadOnly(
      Path indexDir, Duration reopenInterval, int resultCacheHits) {
    return new SearchService(
        SearchIndex.openReadOnly(indexDir, reopenInterval), null, resultCacheHits);
  }

  /** Look-ups and hits of the search result cache since start (all zero when it is off). */
  public CacheStats resultCacheStats() {
    return search.resultCacheStats();
  }

  public ProductSearch search() {
    return search;
  }

  /** The indexer; empty in read-only mode. */
  public Optional<SearchIndexer> indexer() {
    return Optional.ofNullable(indexer);
  }

  public boolean readOnly() {
    return index.readOnly();
  }

  /** Waits until searches see every catalog change up to {@code seq}; false on timeout. */
  public boolean awaitSeq(long seq, Duration timeout) {
    if (indexer != null) {
      return indexer.awaitSeq(seq, timeout);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (index.visibleSeq() < seq) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    if (indexer != null) {
      indexer.close();
    }
    index.close();
  }
}
