package ai.buywhere.search;

import ai.buywhere.catalog.CatalogListener;
import ai.buywhere.catalog.CatalogRepository;
import ai.buywhere.catalog.CommittedChanges;
import ai.buywhere.catalog.Product;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.apache.lucene.index.IndexWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a writer-mode {@link SearchIndex} in step with the catalog's change sequence.
 *
 * <p>{@link #start()} compares the index's committed epoch with {@link CatalogRepository#epoch()}
 * and its document format with {@link SearchIndex#FORMAT}: a different (or missing) value means a
 * full rebuild, else it catches up from the committed sequence. Then a daemon thread polls every
 * {@code pollInterval} and wakes at once on {@link #wake} (wired to {@code
 * CatalogWriter.addListener}). Each pass reads the rows above the applied sequence and up to the
 * committed top it read first, in batches (so it sees each row once); the passing thread builds a
 * batch's documents while a worker adds the previous one ({@link BatchApplier}: active rows replace
 * their document, inactive ones delete it, a rebuild only adds). Then it records the sequence in
 * the commit user data, refreshes the searchers and commits; a crash loses at most uncommitted
 * work, which the next start re-applies from the committed sequence. {@link #followWhile} is the
 * bulk-load variant: passes follow a load without committing, and one commit ends it.
 *
 * <p>As a {@code CatalogWriter} listener it also takes the rows each commit wrote, as stored
 * ({@link CommittedChanges}), so a pass need not read them back: a commit whose sequence block
 * starts exactly where the pass stands is applied from those rows (a row the writer inserted is
 * added without a delete-by-id); anything else in the range (another process's writes, a
 * deactivation, commits dropped because {@value #MAX_HANDED_OVER_ROWS} rows already wait) is read
 * from the catalog as before. Rebuilds and several indexing threads always read the catalog.
 *
 * <p>Passes are serialised by a lock, so {@link #catchUp} may also be called directly.
 */
public final class SearchIndexer implements CatalogListener, AutoCloseable {
  public static final int BATCH = 1000;

  /**
   * At most this many handed-over rows wait for a pass; a commit that would exceed it is dropped,
   * and the pass reads those rows from the catalog instead. Bounds memory when the writer outruns
   * the indexer.
   */
  static final int MAX_HANDED_OVER_ROWS = 20_000;

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
  private final int threads;
  private ExecutorService workers;
  private final ConcurrentLinkedQueue<CommittedChanges> handedOver = new ConcurrentLinkedQueue<>();
  private final AtomicInteger handedOverRows = new AtomicInteger();
  private final AtomicLong rowsHandedOver = new AtomicLong();

  public SearchIndexer(SearchIndex index, CatalogRepository catalog, Duration pollInterval) {
    this(index, catalog, pollInterval, 1);
  }

  /**
   * {@code threads}: how many threads add a pass's documents to the index. One (the default) adds
   * them in sequence order, so equal-score hits keep coming back in the same order; several put
   * them into several segment buffers at once, which only pays with idle cores (on 2 cores they
   * cost 70% more indexing CPU) and lets the order of equal-score hits differ between builds.
   */
  public SearchIndexer(
      SearchIndex index, CatalogRepository catalog, Duration pollInterval, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.index = index;
    this.catalog = catalog;
    this.pollInterval = pollInterval;
    this.threads = threads;
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
   * Brings the index in step: at start-up (before any pass), a full rebuild when the index's epoch
   * is not the catalog's (or the index is new) or its format is not this version's, else a catch-up
   * from the committed sequence; afterwards, a catch-up from where the passes stand. Returns the
   * live document count.
   *
   * <p>The committed position is read only while the indexer has none of its own: once passes have
   * run, the writer holds documents beyond the last commit (a pass of {@link #followWhile} does not
   * commit, and a poller's pass may commit meanwhile), and going back to the committed sequence
   * would apply again a handed-over commit whose rows a pass had already read from the catalog,
   * adding a second document for each inserted product.
   */
  public long catchUpOrRebuild() {
    synchronized (passLock) {
      if (epoch == null) {
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
        appliedSeq = SearchIndex.seqOf(committed);
        epoch = dbEpoch;
      }
      catchUp();
      return index.writer().getDocStats().numDocs;
    }
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
        // Until this rebuild commits, a commit (e.g. on close) must not claim any position.
        w.setLiveCommitData(Map.of(SearchIndex.SEQ_KEY, "0").entrySet());
        epoch = catalog.epoch();
        appliedSeq = 0;
        applyAll(progress, true, true);
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
        return applyAll(n -> {}, false, true);
      } catch (IOException e) {
        throw new UncheckedIOException("search index catch-up failed", e);
      }
    }
  }

  /**
   * For a bulk load in this process (the {@code import} command): runs {@code work}, which writes
   * the catalog and calls {@link #wake} after each commit (a {@code CatalogWriter} listener), while
   * a background thread first brings the index in step (as {@link #catchUpOrRebuild}, unless that
   * already ran) and then applies the committed changes as they come, without refreshing or
   * committing the index in between. When {@code work} returns or fails, the rest is applied and
   * the index committed once. A crash in between loses nothing: the last index commit still names
   * the sequence its documents reach, and the next start catches up from there.
   */
  public <T> T followWhile(Supplier<T> work) {
    AtomicBoolean done = new AtomicBoolean();
    Thread follower = new Thread(() -> follow(done), "search-indexer-follow");
    follower.setDaemon(true);
    follower.start();
    T result;
    try {
      result = work.get();
    } catch (RuntimeException | Error e) {
      stop(follower, done);
      try {
        finishFollowing();
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    stop(follower, done);
    finishFollowing();
    return result;
  }

  private void follow(AtomicBoolean done) {
    while (!done.get()) {
      try {
        if (epoch == null) {
          catchUpOrRebuild();
        } else {
          wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
          wakeUp.drainPermits();
          if (!done.get()) {
            applyPass(false);
          }
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        log.warn("search index catch-up failed; retrying after the load: {}", e.toString());
        try {
          wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }

  private void finishFollowing() {
    if (epoch == null) {
      catchUpOrRebuild();
    } else {
      catchUp();
    }
  }

  private void stop(Thread follower, AtomicBoolean done) {
    done.set(true);
    wakeUp.release();
    try {
      follower.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void applyPass(boolean commit) {
    synchronized (passLock) {
      try {
        applyAll(n -> {}, false, commit);
      } catch (IOException e) {
        throw new UncheckedIOException("search index catch-up failed", e);
      }
    }
  }

  /**
   * One pass: every row with a sequence above the applied one and at most the committed top read at
   * the start (so each row once), applied by the worker threads while the next batch is read.
   * {@code fresh}: the index was emptied for this pass. {@code commit}: make the result visible and
   * durable; otherwise only the commit data is staged, so whatever commits it later (the final pass
   * or closing the writer) records a sequence that its documents reach.
   */
  private int applyAll(LongConsumer progress, boolean fresh, boolean commit) throws IOException {
    // Every write numbered up to `top` has committed: the sequence row and the product rows commit
    // in one transaction. Reading it first lets gaps at the top count as applied.
    long top = catalog.currentSeq();
    IndexWriter w = index.writer();
    BatchApplier applier = new BatchApplier(w, workers(), threads + 1, fresh);
    long seq = appliedSeq;
    int applied = 0;
    try {
      while (seq < top) {
        CommittedChanges next = fresh ? null : nextHandedOver(seq, top);
        if (next != null && next.afterSeq() == seq) {
          // Taken off the queue first: if this pass fails, the next one reads these rows from the
          // catalog (replacing whatever was added) instead of adding them a second time.
          handedOver.poll();
          handedOverRows.addAndGet(-next.rows().size());
          applier.submitWritten(next.rows());
          applied += next.rows().size();
          rowsHandedOver.addAndGet(next.rows().size());
          seq = next.lastSeq();
          progress.accept(applier.active());
          continue;
        }
        // Rows not handed over up to the next handed-over commit (or the top) come from the
        // catalog: another process's writes, a deactivation, or commits dropped from a full queue.
        long readTo = next == null ? top : next.afterSeq();
        List<Product> batch = catalog.changesBetween(seq, readTo, BATCH);
        if (batch.isEmpty()) {
          seq = readTo;
          continue;
        }
        applier.submit(batch);
        applied += batch.size();
        seq = batch.get(batch.size() - 1).changeSeq();
        progress.accept(applier.active());
        if (batch.size() < BATCH) {
          seq = readTo;
        }
      }
    } catch (IOException | RuntimeException e) {
      applier.awaitAfter(e);
      throw e;
    }
    applier.await();
    progress.accept(applier.active());
    seq = Math.max(appliedSeq, top);
    boolean moved = fresh || seq != appliedSeq || applied > 0 || w.hasUncommittedChanges();
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
      if (commit) {
        if (threads > 1) {
          applier.flushBuffers(threads);
        }
        index.refreshed(seq);
        w.commit();
      }
      appliedSeq = seq;
      if (commit) {
        synchronized (seqMonitor) {
          seqMonitor.notifyAll();
        }
      }
    }
    return applied;
  }

  private synchronized ExecutorService workers() {
    if (workers == null) {
      AtomicInteger n = new AtomicInteger();
      workers =
          Executors.newFixedThreadPool(
              threads,
              r -> {
                Thread t = new Thread(r, "search-indexer-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
    }
    return workers;
  }

  /** Asks the poller for a pass now; cheap and safe from any thread (e.g. a catalog listener). */
  public void wake() {
    wakeUp.release();
  }

  /**
   * As a {@code CatalogWriter} listener: keeps the committed rows for the next pass (so it need not
   * read them back), unless too many already wait, and wakes the indexer.
   */
  @Override
  public void committed(CommittedChanges changes) {
    List<CommittedChanges.WrittenRow> rows = threads == 1 ? changes.rows() : null;
    if (rows != null && handedOverRows.addAndGet(rows.size()) <= MAX_HANDED_OVER_ROWS) {
      handedOver.add(changes);
    } else if (rows != null) {
      handedOverRows.addAndGet(-rows.size());
    }
    wake();
  }

  /**
   * With one indexing thread; several apply a pass's batches in any order, which is only right for
   * rows read from the catalog (each product at most once per pass).
   */
  @Override
  public boolean wantsRows() {
    return threads == 1;
  }

  /** Rows applied from writers' hand-over instead of being read from the catalog. */
  public long rowsHandedOver() {
    return rowsHandedOver.get();
  }

  /**
   * The first waiting hand-over that ends above {@code seq} and at most at {@code top}, dropping
   * those that end at or below {@code seq} (already applied from the catalog), one that starts
   * below {@code seq} (partly applied) and those written to another catalog (a restore replaced
   * it); null when none waits.
   */
  private CommittedChanges nextHandedOver(long seq, long top) {
    CommittedChanges c;
    while ((c = handedOver.peek()) != null
        && (c.lastSeq() <= seq || c.afterSeq() < seq || !c.epoch().equals(epoch))) {
      handedOver.poll();
      handedOverRows.addAndGet(-c.rows().size());
    }
    return c == null || c.lastSeq() > top ? null : c;
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

  /** Live documents in the index, committed or not. */
  public long docCount() {
    return index.writer().getDocStats().numDocs;
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

  /**
   * Stops the poller after its current pass and the indexing threads; the index itself is closed by
   * its owner.
   */
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
    synchronized (this) {
      if (workers != null) {
        workers.shutdown();
      }
    }
  }
}
