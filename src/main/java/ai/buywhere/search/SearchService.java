package ai.buywhere.search;

import ai.buywhere.catalog.CatalogRepository;
import ai.buywhere.catalog.CatalogWriter;
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

  private SearchService(SearchIndex index, SearchIndexer indexer) {
    this.index = index;
    this.indexer = indexer;
    this.search = new LuceneProductSearch(index);
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
    SearchIndex index = SearchIndex.openWriter(indexDir);
    try {
      SearchIndexer indexer = new SearchIndexer(index, catalog, pollInterval);
      indexer.start();
      writer.addListener(indexer);
      return new SearchService(index, indexer);
    } catch (RuntimeException e) {
      index.close();
      throw e;
    }
  }

  /** Read-only mode for a second process on the same data dir; never takes the write lock. */
  public static SearchService openReadOnly(Path indexDir, Duration reopenInterval) {
    return new SearchService(SearchIndex.openReadOnly(indexDir, reopenInterval), null);
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
