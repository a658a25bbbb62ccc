package ai.buywhere.search;

import ai.buywhere.catalog.CommittedChanges;
import ai.buywhere.catalog.Product;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;

/**
 * Applies batches of catalog rows to the {@link IndexWriter}: the caller builds each batch's
 * documents, worker threads add them while the caller reads and builds the next batch. Used for one
 * pass of {@link SearchIndexer}: within a pass every product id occurs at most once (the pass reads
 * a bounded sequence range), so batches may be applied in any order and by several threads at once
 * (IndexWriter is thread-safe, each thread fills its own segment buffer). With one worker,
 * documents are added in sequence order.
 *
 * <p>{@code fresh} means the index holds none of these products (a rebuild after {@code
 * deleteAll}): documents are added without a delete-by-id, and inactive rows are skipped. At most
 * {@code maxInFlight} batches are queued, which bounds memory. The first failure stops the
 * remaining batches and is rethrown by {@link #submit} or {@link #await}.
 */
final class BatchApplier {
  private final IndexWriter writer;
  private final ExecutorService workers;
  private final boolean fresh;
  private final int maxInFlight;
  private final Semaphore slots;
  private final AtomicLong active = new AtomicLong();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  BatchApplier(IndexWriter writer, ExecutorService workers, int maxInFlight, boolean fresh) {
    this.writer = writer;
    this.workers = workers;
    this.fresh = fresh;
    this.maxInFlight = maxInFlight;
    this.slots = new Semaphore(maxInFlight);
  }

  /**
   * Builds the documents of {@code batch} on the calling thread, then queues them for a worker;
   * blocks while {@code maxInFlight} batches are still being applied. Building here and inverting
   * there makes reading, building and indexing a pipeline even with one worker.
   */
  void submit(List<Product> batch) throws IOException {
    List<Change> changes = new ArrayList<>(batch.size());
    for (Product p : batch) {
      add(changes, p, fresh);
    }
    queue(changes);
  }

  /**
   * As {@link #submit}, for rows a catalog writer handed over ({@link CommittedChanges}), in commit
   * order and with one worker only (a product may occur in several commits of one pass, and the
   * last one must win). A row the writer inserted has a new id, which no document in the index
   * carries, so its document is added without the delete-by-id that replacing costs. Not for a
   * {@code fresh} pass, whose rows read from the catalog are added without that delete too.
   */
  void submitWritten(List<CommittedChanges.WrittenRow> rows) throws IOException {
    if (fresh) {
      throw new IllegalStateException("handed-over rows are not applied in a rebuild");
    }
    List<Change> changes = new ArrayList<>(rows.size());
    for (CommittedChanges.WrittenRow r : rows) {
      add(changes, r.product(), r.inserted());
    }
    queue(changes);
  }

  private static void add(List<Change> changes, Product p, boolean isNew) {
    if (p.active()) {
      changes.add(new Change(p.id(), ProductDocuments.toDocument(p), isNew));
    } else if (!isNew) {
      changes.add(new Change(p.id(), null, false));
    }
  }

  private void queue(List<Change> changes) throws IOException {
    acquire(1);
    try {
      throwIfFailed();
      workers.execute(() -> applyAndRelease(changes));
    } catch (IOException | RuntimeException e) {
      slots.release();
      throw e;
    }
  }

  /** Waits until every queued batch is applied; rethrows the first failure. */
  void await() throws IOException {
    acquire(maxInFlight);
    slots.release(maxInFlight);
    throwIfFailed();
  }

  /**
   * Waits for the queued batches after the caller failed with {@code e}; a failure of theirs is
   * added to {@code e}.
   */
  void awaitAfter(Exception e) {
    try {
      await();
    } catch (IOException | RuntimeException other) {
      e.addSuppressed(other);
    }
  }

  /** Active products added or replaced so far. */
  long active() {
    return active.get();
  }

  /**
   * Writes the segments buffered by up to {@code buffers} threads concurrently (one buffer per
   * worker), so the commit that follows does not flush them one after the other.
   */
  void flushBuffers(int buffers) throws IOException {
    for (int i = 0; i < buffers; i++) {
      acquire(1);
      try {
        workers.execute(
            () -> {
              try {
                writer.flushNextBuffer();
              } catch (Throwable t) {
                failure.compareAndSet(null, t);
              } finally {
                slots.release();
              }
            });
      } catch (RejectedExecutionException e) {
        slots.release();
        throw e;
      }
    }
    await();
  }

  private void applyAndRelease(List<Change> changes) {
    try {
      if (failure.get() == null) {
        apply(changes);
      }
    } catch (Throwable t) {
      failure.compareAndSet(null, t);
    } finally {
      slots.release();
    }
  }

  private void apply(List<Change> changes) throws IOException {
    long added = 0;
    for (Change c : changes) {
      if (c.doc() == null) {
        writer.deleteDocuments(new Term(ProductFields.ID, c.id()));
      } else if (c.isNew()) {
        writer.addDocument(c.doc());
        added++;
      } else {
        writer.updateDocument(new Term(ProductFields.ID, c.id()), c.doc());
        added++;
      }
    }
    active.addAndGet(added);
  }

  /**
   * A product's new document, or its removal ({@code doc} null); {@code isNew}: no document in the
   * index has this id.
   */
  private record Change(String id, Document doc, boolean isNew) {}

  private void acquire(int permits) throws InterruptedIOException {
    try {
      slots.acquire(permits);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while indexing");
    }
  }

  private void throwIfFailed() throws IOException {
    Throwable t = failure.get();
    if (t == null) {
      return;
    }
    if (t instanceof IOException e) {
      throw new IOException("indexing a batch failed: " + e.getMessage(), e);
    }
    if (t instanceof UncheckedIOException e) {
      throw new IOException("indexing a batch failed: " + e.getMessage(), e);
    }
    if (t instanceof RuntimeException e) {
      throw new IllegalStateException("indexing a batch failed: " + e.getMessage(), e);
    }
    throw new IllegalStateException("indexing a batch failed", t);
  }
}
