package ai.buywhere.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index directory and its searchers. Two modes:
 *
 * <ul>
 *   <li><b>writer</b> ({@link #openWriter}): holds Lucene's write lock; the {@link SearchIndexer}
 *       applies catalog changes and calls {@link #refreshed} after each batch (near-real-time
 *       readers over the writer). An unreadable index is wiped and recreated empty (the indexer
 *       then rebuilds it from the database).
 *   <li><b>read-only</b> ({@link #openReadOnly}): for a second process on the same data dir (the
 *       MCP stdio server). Never takes the lock; reopens the latest commit periodically, so it sees
 *       what the writer has committed (not its uncommitted NRT state).
 * </ul>
 *
 * <p>Commit user data carries {@link #SEQ_KEY} (last applied change sequence), {@link #EPOCH_KEY}
 * (the catalog epoch the index was built from) and {@link #FORMAT_KEY} (the document layout).
 * Thread-safe.
 */
public final class SearchIndex implements AutoCloseable {
  static final String SEQ_KEY = "buywhere.seq";
  static final String EPOCH_KEY = "buywhere.epoch";

  /**
   * Version of the document layout, in the commit user data under {@link #FORMAT_KEY}. An index
   * written with another layout is rebuilt from the catalog on start-up. Bump it whenever {@link
   * ProductDocuments#toDocument} changes what is indexed or where the product is kept.
   */
  static final String FORMAT_KEY = "buywhere.format";

  static final String FORMAT = "4";

  static final int MIN_RAM_BUFFER_MB = 64;
  static final int MAX_RAM_BUFFER_MB = 256;
  private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

  private final Path dir;
  private final Directory directory;
  private final IndexWriter writer;
  private volatile SearcherManager manager;
  private final AtomicLong visibleSeq = new AtomicLong();
  private final ScheduledExecutorService reopener;

  /**
   * Runs the slices of one search in parallel. Lucene slices only large indexes (about 250,000
   * documents per slice), so a small catalog is searched on the calling thread as before, and a
   * large one uses every core for a single query, which is what bounds its tail latency.
   */
  private final ExecutorService sliceExecutor =
      Executors.newFixedThreadPool(
          Runtime.getRuntime().availableProcessors(),
          r -> {
            Thread t = new Thread(r, "search-slice");
            t.setDaemon(true);
            return t;
          });

  private final SearcherFactory searchers =
      new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
          return new IndexSearcher(reader, sliceExecutor);
        }
      };

  /** Facet ordinals per open reader; an entry leaves when its reader closes. */
  private final Map<IndexReader.CacheKey, Optional<SortedSetDocValuesReaderState>> facetStates =
      new ConcurrentHashMap<>();

  private SearchIndex(Path dir, Directory directory, IndexWriter writer, Duration reopenEvery)
      throws IOException {
    this.dir = dir;
    this.directory = directory;
    this.writer = writer;
    if (writer != null) {
      this.manager = warmed(new SearcherManager(writer, true, false, searchers));
      this.reopener = null;
    } else {
      tryOpenReader();
      this.reopener =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "search-index-reopen");
                t.setDaemon(true);
                return t;
              });
      long ms = Math.max(10, reopenEvery.toMillis());
      reopener.scheduleWithFixedDelay(this::reopen, ms, ms, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Opens the index for writing, creating it when absent and recreating it empty when unreadable.
   *
   * @throws IndexLockedException when another process (or another writer here) holds the lock
   */
  public static SearchIndex openWriter(Path dir) {
    try {
      Files.createDirectories(dir);
      Directory directory = FSDirectory.open(dir);
      try {
        return new SearchIndex(dir, directory, openOrRecreate(dir, directory), null);
      } catch (LockObtainFailedException e) {
        directory.close();
        throw new IndexLockedException(dir, e);
      } catch (IOException | RuntimeException e) {
        directory.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open search index " + dir, e);
    }
  }

  /** Like {@link #openWriter}, but empty when another process holds the write lock. */
  public static Optional<SearchIndex> tryOpenWriter(Path dir) {
    try {
      return Optional.of(openWriter(dir));
    } catch (IndexLockedException e) {
      return Optional.empty();
    }
  }

  /**
   * Opens the index read-only, reopening the latest commit every {@code reopenEvery}. An index that
   * does not exist yet reads as empty until a writer commits one.
   */
  public static SearchIndex openReadOnly(Path dir, Duration reopenEvery) {
    try {
      Files.createDirectories(dir);
      return new SearchIndex(dir, FSDirectory.open(dir), null, reopenEvery);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open search index " + dir, e);
    }
  }

  private static IndexWriter openOrRecreate(Path dir, Directory directory) throws IOException {
    try {
      IndexWriter w = newWriter(directory, IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      try {
        DirectoryReader.open(w).close();
        return w;
      } catch (IOException | RuntimeException e) {
        w.rollback();
        throw e;
      }
    } catch (LockObtainFailedException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      log.warn("search index at {} is unreadable ({}); recreating it empty", dir, e.toString());
      for (String file : directory.listAll()) {
        if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) {
          directory.deleteFile(file);
        }
      }
      return newWriter(directory, IndexWriterConfig.OpenMode.CREATE);
    }
  }

  private static IndexWriter newWriter(Directory directory, IndexWriterConfig.OpenMode mode)
      throws IOException {
    IndexWriterConfig cfg = new IndexWriterConfig(ProductAnalyzers.INDEX);
    cfg.setOpenMode(mode);
    cfg.setRAMBufferSizeMB(ramBufferMb(Runtime.getRuntime().maxMemory()));
    // A flushed segment stays as its separate files: packing them into one compound file copied
    // every byte once more, about a tenth of the flush that ends an import. Merged segments follow
    // the merge policy as before.
    cfg.setUseCompoundFile(false);
    cfg.setCommitOnClose(true);
    return new IndexWriter(directory, cfg);
  }

  /**
   * Lucene's indexing buffer for a JVM whose heap may grow to {@code maxHeapBytes}: a quarter of
   * it, between {@value #MIN_RAM_BUFFER_MB} and {@value #MAX_RAM_BUFFER_MB} MB. A bulk load (an
   * import, a rebuild) flushes a segment each time the buffer fills, and the merge policy later
   * rewrites flushed segments into larger ones. With a fixed 64 MB the 1M-product benchmark import
   * flushed 12 segments and merged 10 of them again, and the merges plus the JIT compiling the
   * flush and merge code took about a sixth of the import's CPU; with 256 MB it flushes 4 segments
   * and merges none (docs/benchmarks.md, run 7). Near-real-time refreshes flush the buffer anyway,
   * so a server that is not rebuilding holds far less than this.
   */
  static double ramBufferMb(long maxHeapBytes) {
    double quarter = maxHeapBytes / 4.0 / (1024 * 1024);
    return Math.max(MIN_RAM_BUFFER_MB, Math.min(MAX_RAM_BUFFER_MB, quarter));
  }

  public Path dir() {
    return dir;
  }

  public boolean readOnly() {
    return writer == null;
  }

  /** The writer; only in writer mode. */
  IndexWriter writer() {
    if (writer == null) {
      throw new IllegalStateException("search index opened read-only");
    }
    return writer;
  }

  /** The user data of the last commit (empty for a new index). */
  Map<String, String> committedUserData() {
    try {
      if (!DirectoryReader.indexExists(directory)) {
        return Map.of();
      }
      return SegmentInfos.readLatestCommit(directory).getUserData();
    } catch (IOException e) {
      return Map.of();
    }
  }

  /** The change sequence readers see now. */
  public long visibleSeq() {
    return visibleSeq.get();
  }

  /** Writer mode: makes the writer's changes visible and records that they reach {@code seq}. */
  void refreshed(long seq) throws IOException {
    manager.maybeRefreshBlocking();
    visibleSeq.set(seq);
  }

  /** A searcher to {@link #release}; null when a read-only index has no commit yet. */
  IndexSearcher acquire() throws IOException {
    SearcherManager m = manager;
    return m == null ? null : m.acquire();
  }

  void release(IndexSearcher searcher) throws IOException {
    if (searcher != null) {
      manager.release(searcher);
    }
  }

  /**
   * Builds the facet ordinals of each new reader on the refreshing thread, so the first faceted
   * query after a refresh does not pay for it.
   */
  private SearcherManager warmed(SearcherManager m) throws IOException {
    m.addListener(
        new ReferenceManager.RefreshListener() {
          @Override
          public void beforeRefresh() {}

          @Override
          public void afterRefresh(boolean didRefresh) throws IOException {
            if (didRefresh) {
              IndexSearcher s = m.acquire();
              try {
                facetState(s.getIndexReader());
              } finally {
                m.release(s);
              }
            }
          }
        });
    IndexSearcher s = m.acquire();
    try {
      facetState(s.getIndexReader());
    } finally {
      m.release(s);
    }
    return m;
  }

  /** Facet ordinals for {@code reader}, built once per reader; null when nothing has facets. */
  SortedSetDocValuesReaderState facetState(IndexReader reader) {
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null) {
      return buildFacetState(reader).orElse(null);
    }
    Optional<SortedSetDocValuesReaderState> cached = facetStates.get(helper.getKey());
    if (cached == null) {
      cached = buildFacetState(reader);
      if (facetStates.putIfAbsent(helper.getKey(), cached) == null) {
        helper.addClosedListener(facetStates::remove);
      }
    }
    return cached.orElse(null);
  }

  private static Optional<SortedSetDocValuesReaderState> buildFacetState(IndexReader reader) {
    try {
      return Optional.of(new DefaultSortedSetDocValuesReaderState(reader, ProductFields.FACETS));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // no document has facet fields yet
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void tryOpenReader() throws IOException {
    if (manager == null && DirectoryReader.indexExists(directory)) {
      manager = warmed(new SearcherManager(directory, searchers));
      visibleSeq.set(seqOf(committedUserData()));
    }
  }

  private void reopen() {
    try {
      if (manager == null) {
        tryOpenReader();
        return;
      }
      manager.maybeRefresh();
      IndexSearcher s = manager.acquire();
      try {
        var commit = ((DirectoryReader) s.getIndexReader()).getIndexCommit();
        visibleSeq.set(seqOf(commit.getUserData()));
      } finally {
        manager.release(s);
      }
    } catch (IOException | RuntimeException e) {
      log.warn("search index reopen failed: {}", e.toString());
    }
  }

  static long seqOf(Map<String, String> userData) {
    String s = userData.get(SEQ_KEY);
    try {
      return s == null ? 0L : Long.parseLong(s);
    } catch (NumberFormatException e) {
      return 0L;
    }
  }

  @Override
  public void close() {
    try {
      if (reopener != null) {
        reopener.shutdownNow();
        reopener.awaitTermination(5, TimeUnit.SECONDS);
      }
      if (manager != null) {
        manager.close();
      }
      sliceExecutor.shutdown();
      if (writer != null) {
        writer.close();
      }
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close search index " + dir, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
