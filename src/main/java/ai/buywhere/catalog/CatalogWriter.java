package ai.buywhere.catalog;

import ai.buywhere.store.Database;
import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The one catalog write path, used by the importer, the demo loader and ingestion.
 *
 * <p>Input is written in chunks, one transaction per chunk. Each transaction first takes the row
 * lock on {@code catalog_sequence} (SQLite: the {@code BEGIN IMMEDIATE} write lock), allocating a
 * block of change-sequence numbers. Because every catalog writer holds that lock until commit,
 * sequence numbers become visible in commit order, so an indexer reading {@code change_seq > last}
 * can never skip a write made by a concurrent writer on another node.
 *
 * <p>Within a chunk: a row whose content hash is unchanged only has {@code last_seen} touched (no
 * new sequence number, no index work); a new or changed row gets a fresh sequence number; a
 * price-history row is written only when the price or currency moved. Thread-safe.
 */
public final class CatalogWriter {
  public static final int DEFAULT_CHUNK = 500;

  /**
   * New product ids are version-7 UUIDs (RFC 9562): time-ordered, so a load appends to the end of
   * the primary-key index instead of touching a random page of it for every row, which made each
   * chunk's commit rewrite most of that index. Old ids (version 4) stay valid; nothing depends on
   * the version.
   */
  private static final TimeBasedEpochGenerator NEW_IDS = Generators.timeBasedEpochGenerator();

  private final Database db;
  private final FxRates fx;
  private final Clock clock;
  private final int chunkSize;
  private final List<CatalogListener> listeners = new CopyOnWriteArrayList<>();

  public CatalogWriter(Database db, FxRates fx, Clock clock) {
    this(db, fx, clock, DEFAULT_CHUNK);
  }

  public CatalogWriter(Database db, FxRates fx, Clock clock, int chunkSize) {
    this.db = db;
    this.fx = fx;
    this.clock = clock;
    this.chunkSize = chunkSize;
  }

  public void addListener(CatalogListener listener) {
    listeners.add(listener);
  }

  /** Writes {@code inputs} in chunks; each chunk is atomic. Inputs must already be valid. */
  public WriteResult write(List<ProductInput> inputs) {
    WriteResult total = WriteResult.EMPTY;
    for (int i = 0; i < inputs.size(); i += chunkSize) {
      total = total.plus(writeChunk(inputs.subList(i, Math.min(inputs.size(), i + chunkSize))));
    }
    return total;
  }

  /** Writes one chunk in one transaction. */
  public WriteResult writeChunk(List<ProductInput> chunk) {
    if (chunk.isEmpty()) {
      return WriteResult.EMPTY;
    }
    Map<String, ProductInput> byKey = new LinkedHashMap<>();
    for (ProductInput in : chunk) {
      byKey.remove(key(in.source(), in.sku()));
      byKey.put(key(in.source(), in.sku()), in);
    }
    boolean keepRows = listeners.stream().anyMatch(CatalogListener::wantsRows);
    Committed committed;
    try {
      committed = db.jdbi().inTransaction(h -> writeLocked(h, byKey, keepRows));
    } catch (SQLException e) {
      throw new UnableToExecuteStatementException(e, null);
    }
    listeners.forEach(l -> l.committed(committed.changes()));
    return committed.result();
  }

  /** What one chunk's transaction did, and what its listeners are told once it commits. */
  private record Committed(WriteResult result, CommittedChanges changes) {}

  /** {@code keepRows}: hand each new or changed row, as stored, to the listeners. */
  private Committed writeLocked(Handle h, Map<String, ProductInput> byKey, boolean keepRows)
      throws SQLException {
    Allocation allocation = allocate(h, byKey.size());
    long top = allocation.top();
    long seq = top - byKey.size();
    long now = clock.millis();
    Instant nowInstant = Instant.ofEpochMilli(now);
    List<CommittedChanges.WrittenRow> written = keepRows ? new ArrayList<>() : null;
    Map<String, Existing> existing = loadExisting(h, byKey.values());

    Map<String, String[]> categories = new TreeMap<>();
    int inserted = 0;
    int updated = 0;
    int unchanged = 0;
    List<String> ids = new ArrayList<>(byKey.size());
    try (ProductRows rows = new ProductRows(h.getConnection())) {
      for (ProductInput in : byKey.values()) {
        String hash = ContentHash.of(in);
        Existing old = existing.get(key(in.source(), in.sku()));
        String id = old == null ? NEW_IDS.generate().toString() : old.id();
        ids.add(id);
        if (old != null && old.active() && old.hash().equals(hash)) {
          rows.touch(id, now);
          unchanged++;
          continue;
        }
        seq++;
        StoredRow row = StoredRow.of(in, fx);
        if (old == null) {
          rows.insert(row, id, hash, seq, now);
          inserted++;
        } else {
          rows.update(row, id, hash, seq, now);
          updated++;
        }
        if (written != null) {
          Instant firstSeen = old == null ? nowInstant : Instant.ofEpochMilli(old.firstSeen());
          Instant createdAt = old == null ? nowInstant : Instant.ofEpochMilli(old.createdAt());
          written.add(
              new CommittedChanges.WrittenRow(
                  row.toProduct(id, seq, firstSeen, createdAt, nowInstant), old == null));
        }
        if (row.price() != null
            && (old == null
                || old.price() == null
                || old.price().compareTo(row.price()) != 0
                || !Objects.equals(old.currency(), in.currency()))) {
          rows.history(id, row.price(), in.currency(), now);
        }
        collectCategories(in.categoryPath(), categories);
      }
      rows.execute();
    }
    if (!categories.isEmpty()) {
      PreparedBatch cat =
          h.prepareBatch(
              "INSERT INTO categories (slug, name, parent_slug, depth)"
                  + " VALUES (:slug, :name, :parent, :depth) ON CONFLICT (slug) DO NOTHING");
      categories.forEach(
          (slug, v) ->
              cat.bind("slug", slug)
                  .bind("name", v[0])
                  .bind("parent", v[1])
                  .bind("depth", Integer.parseInt(v[2]))
                  .add());
      cat.execute();
    }
    return new Committed(
        new WriteResult(inserted, updated, unchanged, ids, top),
        new CommittedChanges(
            allocation.epoch(),
            top - byKey.size(),
            top,
            written == null ? null : List.copyOf(written)));
  }

  /**
   * Marks the given products inactive (never deletes), advancing the change sequence so indexes
   * drop them. Returns how many rows changed.
   */
  public int deactivate(Collection<String> productIds) {
    if (productIds.isEmpty()) {
      return 0;
    }
    List<String> ids = List.copyOf(productIds);
    Committed committed =
        db.jdbi()
            .inTransaction(
                h -> {
                  Allocation a = allocate(h, ids.size());
                  long seq = a.top() - ids.size();
                  PreparedBatch b =
                      h.prepareBatch(
                          "UPDATE products SET is_active = FALSE, availability = 'out_of_stock',"
                              + " change_seq = :seq, updated_at = :now"
                              + " WHERE id = :id AND is_active = TRUE");
                  long now = clock.millis();
                  for (String id : ids) {
                    b.bind("seq", ++seq).bind("now", now).bind("id", id).add();
                  }
                  int changed = 0;
                  for (int n : b.execute()) {
                    changed += Math.max(n, 0);
                  }
                  // The deactivated rows are not handed over: readers take them from the catalog.
                  return new Committed(
                      new WriteResult(0, changed, 0, List.of(), a.top()),
                      new CommittedChanges(a.epoch(), a.top() - ids.size(), a.top(), null));
                });
    listeners.forEach(l -> l.committed(committed.changes()));
    return committed.result().updated();
  }

  /** Ids of active products of {@code source} not seen since {@code cutoffMillis}. */
  public List<String> activeNotSeenSince(String source, long cutoffMillis) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT id FROM products WHERE source = :source AND is_active = TRUE"
                            + " AND last_seen < :cutoff")
                    .bind("source", source)
                    .bind("cutoff", cutoffMillis)
                    .mapTo(String.class)
                    .list());
  }

  /** The highest reserved sequence number and the catalog's epoch, read under the same lock. */
  private record Allocation(long top, String epoch) {}

  /**
   * Takes the catalog write lock and reserves {@code n} sequence numbers. Gaps (numbers reserved
   * but not used) are harmless to readers.
   */
  private static Allocation allocate(Handle h, int n) {
    return h.createQuery(
            "UPDATE catalog_sequence SET value = value + :n WHERE id = 1 RETURNING value, epoch")
        .bind("n", n)
        .map((rs, ctx) -> new Allocation(rs.getLong("value"), rs.getString("epoch")))
        .one();
  }

  private record Existing(
      String id,
      String hash,
      BigDecimal price,
      String currency,
      boolean active,
      long firstSeen,
      long createdAt) {}

  private Map<String, Existing> loadExisting(Handle h, Collection<ProductInput> inputs) {
    Map<String, List<String>> skusBySource = new LinkedHashMap<>();
    for (ProductInput in : inputs) {
      skusBySource.computeIfAbsent(in.source(), s -> new ArrayList<>()).add(in.sku());
    }
    Map<String, Existing> out = new java.util.HashMap<>();
    skusBySource.forEach(
        (source, skus) ->
            h.createQuery(
                    "SELECT id, sku, content_hash, price, currency, is_active, first_seen, created_at"
                        + " FROM products"
                        + " WHERE source = :source AND sku IN (<skus>)")
                .bind("source", source)
                .bindList("skus", skus)
                .map(
                    (rs, ctx) -> {
                      out.put(
                          key(source, rs.getString("sku")),
                          new Existing(
                              rs.getString("id"),
                              rs.getString("content_hash"),
                              rs.getBigDecimal("price"),
                              rs.getString("currency"),
                              rs.getBoolean("is_active"),
                              rs.getLong("first_seen"),
                              rs.getLong("created_at")));
                      return 0;
                    })
                .list());
    return out;
  }

  /** Percentage off the original price, one decimal, or null when there is no discount. */
  public static BigDecimal discountPct(BigDecimal price, BigDecimal original) {
    if (price == null || original == null || original.signum() <= 0) {
      return null;
    }
    if (original.compareTo(price) <= 0) {
      return null;
    }
    return original
        .subtract(price)
        .multiply(BigDecimal.valueOf(100))
        .divide(original, 1, RoundingMode.HALF_UP);
  }

  static String key(String source, String sku) {
    return source + '\u0000' + sku;
  }

  private static void collectCategories(List<String> path, Map<String, String[]> out) {
    List<String> slugs = Categories.ancestorSlugs(path);
    List<String> names = path.stream().filter(s -> s != null && !s.isBlank()).toList();
    for (int i = 0; i < slugs.size(); i++) {
      out.putIfAbsent(
          slugs.get(i),
          new String[] {names.get(i).trim(), i == 0 ? null : slugs.get(i - 1), String.valueOf(i)});
    }
  }
}
