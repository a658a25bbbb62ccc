package ai.buywhere.search;

import ai.buywhere.catalog.CatalogRepository;
import ai.buywhere.catalog.Product;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a writer-mode {@link SearchIndex} in step with the catalog's change sequence.
 *
 * <p>{@link #start()} compares the index's committed epoch with {@link CatalogRepository#epoch()}
 * and its document format with {@link SearchIndex#FORMAT}: a different (or missing) value means a
 * full rebuild, else it catches up from the committed sequence. Then a daemon thread polls every
 * {@code pollInterval} and wakes at once on {@link #wake} (wired to {@code
 * CatalogWriter.addListener}). Each pass reads {@code changesSince} in batches, upserts active rows
 * and deletes inactive ones, records the sequence in the commit user data, refreshes the searchers
 * and commits; a crash loses at most uncommitted work, which the next start re-applies from the
 * committed sequence.
 *
 * <p>Only the poller thread (or {@link #start}/{@link #rebuild} before it runs) writes; passes are
 * serialised by a lock, so {@link #catchUp} may also be called directly.
 */
public final class SearchIndexer implements AutoCloseable {
  public static final int BATCH = 1000;
  private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

  private final SearchIndex index;
  private final CatalogRepository catalog;
  private final Duration pollInterval;
  private final Semaphore wakeUp = new Semaphore(0);
  private final Object passLock = new Object();
  private final Object seqMonitor = new Object();
  private volatile long appliedSeq;
  private volatile String epoch;
  private volatile boolean running;
  private Thread poller;

  public SearchIndexer(SearchIndex index, CatalogRepository catalog, Duration pollInterval) {
    this.index = index;
    this.catalog = catalog;
    this.pollInterval = pollInterval;
  }

  /** Rebuilds or catches up synchronously, then starts the background poller. */
  public void start() {
    catchUpOrRebuild();
    running = true;
    poller = new Thread(this::pollLoop, "search-indexer");
    poller.setDaemon(true);
    poller.start();
  }

  /**
   * Start-up without the poller: a full rebuild when the index's epoch is not the catalog's (or the
   * index is new), else a catch-up from the committed sequence. Returns the live document count.
   */
  public long catchUpOrRebuild() {
    Map<String, String> committed = index.committedUserData();
    String dbEpoch = catalog.epoch();
    if (!Objects.equals(committed.get(SearchIndex.EPOCH_KEY), dbEpoch)) {
      log.info("search index epoch differs from the catalog's; rebuilding");
      return rebuild(n -> {});
    }
    if (!SearchIndex.FORMAT.equals(committed.get(SearchIndex.FORMAT_KEY))) {
      log.info(
          "search index was written in format {} (this version writes {}); rebuilding",
          committed.getOrDefault(SearchIndex.FORMAT_KEY, "1"),
          SearchIndex.FORMAT);
      return rebuild(n -> {});
    }
    synchronized (passLock) {
      appliedSeq = SearchIndex.seqOf(committed);
      epoch = dbEpoch;
    }
    catchUp();
    return index.writer().getDocStats().numDocs;
  }

  /**
   * Drops every document and indexes every active product again; {@code progress} receives the
   * number of products indexed so far after each batch. Returns the number of documents indexed.
   */
  public long rebuild(LongConsumer progress) {
    synchronized (passLock) {
      try {
        IndexWriter w = index.writer();
        w.deleteAll();
        epoch = catalog.epoch();
        appliedSeq = 0;
        long[] indexed = {0};
        applyAll(
            active -> {
              indexed[0] += active;
              progress.accept(indexed[0]);
            },
            true);
        return w.getDocStats().numDocs;
      } catch (IOException e) {
        throw new UncheckedIOException("search index rebuild failed", e);
      }
    }
  }

  /**
   * Applies every change committed since the last pass; returns how many rows it applied. When the
   * catalog's epoch changed under a running index (a backup was restored into this database), the
   * pass rebuilds the index instead, so a restore needs no restart.
   */
  public int catchUp() {
    synchronized (passLock) {
      String dbEpoch = catalog.epoch();
      if (epoch != null && !epoch.equals(dbEpoch)) {
        log.info(
            "catalog epoch changed (database restored or replaced); rebuilding the search index");
        return (int) rebuild(n -> {});
      }
      try {
        return applyAll(batch -> {}, false);
      } catch (IOException e) {
        throw new UncheckedIOException("search index catch-up failed", e);
      }
    }
  }

  private int applyAll(LongConsumer activePerBatch, boolean forceCommit) throws IOException {
    // Every write numbered up to `committedTop` has committed: the sequence row and the product
    // rows commit in one transaction. Reading it first lets gaps at the top count as applied.
    long committedTop = catalog.currentSeq();
    IndexWriter w = index.writer();
    long seq = appliedSeq;
    int applied = 0;
    while (true) {
      List<Product> batch = catalog.changesSince(seq, BATCH);
      int active = 0;
      for (Product p : batch) {
        Term id = new Term(ProductFields.ID, p.id());
        if (p.active()) {
          w.updateDocument(id, ProductDocuments.toDocument(p));
          active++;
        } else {
          w.deleteDocuments(id);
        }
        seq = Math.max(seq, p.changeSeq());
      }
      applied += batch.size();
      if (!batch.isEmpty()) {
        activePerBatch.accept(active);
      }
      if (batch.size() < BATCH) {
        break;
      }
    }
    seq = Math.max(seq, committedTop);
    boolean moved = forceCommit || seq != appliedSeq || applied > 0 || w.hasUncommittedChanges();
    if (moved) {
      w.setLiveCommitData(
          Map.of(
                  SearchIndex.SEQ_KEY,
                  Long.toString(seq),
                  SearchIndex.EPOCH_KEY,
                  epoch,
                  SearchIndex.FORMAT_KEY,
                  SearchIndex.FORMAT)
              .entrySet());
      index.refreshed(seq);
      w.commit();
      appliedSeq = seq;
      synchronized (seqMonitor) {
        seqMonitor.notifyAll();
      }
    }
    return applied;
  }

  /** Asks the poller for a pass now; cheap and safe from any thread (e.g. a catalog listener). */
  public void wake() {
    wakeUp.release();
  }

  /** Waits until every change up to {@code seq} is visible to searchers; false on timeout. */
  public boolean awaitSeq(long seq, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (seqMonitor) {
      while (index.visibleSeq() < seq) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        wake();
        try {
          TimeUnit.NANOSECONDS.timedWait(seqMonitor, Math.min(left, 50_000_000L));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  public long appliedSeq() {
    return appliedSeq;
  }

  private void pollLoop() {
    while (running) {
      try {
        wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        wakeUp.drainPermits();
        if (running) {
          catchUp();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("search index catch-up failed; retrying on the next poll: {}", e.toString());
      }
    }
  }

  /** Stops the poller after its current pass; the index itself is closed by its owner. */
  @Override
  public void close() {
    running = false;
    Thread t = poller;
    if (t != null) {
      wakeUp.release();
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
