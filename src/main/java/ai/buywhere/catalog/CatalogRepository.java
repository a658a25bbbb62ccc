package ai.buywhere.catalog;

import ai.buywhere.store.Database;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads of the catalog: products by id, the change feed that keeps search indexes in step, price
 * history and categories. Thread-safe; every method is one short read.
 */
public final class CatalogRepository {
  private final Supplier<Jdbi> reads;

  public CatalogRepository(Database db) {
    this(db::jdbi);
  }

  /**
   * Reads through {@code reads}: the primary, or a streaming replica while its lag is under the
   * bound ({@code ReadRouting}). A lagging replica still returns the change feed in commit order,
   * so an index following it may fall behind but never skips a write.
   */
  public CatalogRepository(Supplier<Jdbi> reads) {
    this.reads = reads;
  }

  public Optional<Product> findById(String id) {
    return reads
        .get()
        .withHandle(
            h ->
                h.createQuery("SELECT * FROM products WHERE id = :id")
                    .bind("id", id)
                    .map(ProductRowMapper.INSTANCE)
                    .findOne());
  }

  /** Products with the given ids, in the order asked; unknown ids are left out. */
  public List<Product> findByIds(Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, Product> found = new HashMap<>();
    reads
        .get()
        .useHandle(
            h ->
                h.createQuery("SELECT * FROM products WHERE id IN (<ids>)")
                    .bindList("ids", List.copyOf(ids))
                    .map(ProductRowMapper.INSTANCE)
                    .forEach(p -> found.put(p.id(), p)));
    List<Product> out = new ArrayList<>();
    for (String id : ids) {
      Product p = found.get(id);
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }

  public Optional<Product> findBySkuAndSource(String sku, String source) {
    return reads
        .get()
        .withHandle(
            h ->
                h.createQuery("SELECT * FROM products WHERE sku = :sku AND source = :source")
                    .bind("sku", sku)
                    .bind("source", source)
                    .map(ProductRowMapper.INSTANCE)
                    .findOne());
  }

  /**
   * Rows written after {@code afterSeq}, oldest first, at most {@code limit}; includes inactive
   * rows so that indexes can drop them. Never skips a committed write (see {@link CatalogWriter}).
   */
  public List<Product> changesSince(long afterSeq, int limit) {
    return reads
        .get()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT * FROM products WHERE change_seq > :seq"
                            + " ORDER BY change_seq LIMIT :limit")
                    .bind("seq", afterSeq)
                    .bind("limit", limit)
                    .map(ProductRowMapper.INSTANCE)
                    .list());
  }

  /**
   * Like {@link #changesSince}, but only rows whose sequence is at most {@code upToSeq}. With
   * {@code upToSeq} read from {@link #currentSeq} before the first batch, a pass over the feed sees
   * each row at most once, even while writers move rows to newer sequence numbers.
   */
  public List<Product> changesBetween(long afterSeq, long upToSeq, int limit) {
    return reads
        .get()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT * FROM products WHERE change_seq > :seq AND change_seq <= :top"
                            + " ORDER BY change_seq LIMIT :limit")
                    .bind("seq", afterSeq)
                    .bind("top", upToSeq)
                    .bind("limit", limit)
                    .map(ProductRowMapper.INSTANCE)
                    .list());
  }

  /** The highest change-sequence number handed out so far. */
  public long currentSeq() {
    return reads
        .get()
        .withHandle(
            h ->
                h.createQuery("SELECT value FROM catalog_sequence WHERE id = 1")
                    .mapTo(Long.class)
                    .one());
  }

  /**
   * A random id fixed when the database was created. An index built from another database (a
   * restore, a new PostgreSQL) carries another epoch and must be rebuilt, not caught up.
   */
  public String epoch() {
    return reads
        .get()
        .withHandle(
            h ->
                h.createQuery("SELECT epoch FROM catalog_sequence WHERE id = 1")
                    .mapTo(String.class)
                    .one());
  }

  public long countActive() {
    return reads
        .get()
        .withHandle(
            h ->
                h.createQuery("SELECT COUNT(*) FROM products WHERE is_active = TRUE")
                    .mapTo(Long.class)
                    .one());
  }

  /** Price points of a product recorded at or after {@code since}, oldest first. */
  public List<PricePoint> priceHistory(String productId, Instant since) {
    return reads
        .get()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT price, currency, recorded_at FROM price_history"
                            + " WHERE product_id = :id AND recorded_at >= :since"
                            + " ORDER BY recorded_at, id")
                    .bind("id", productId)
                    .bind("since", since.toEpochMilli())
                    .map(
                        (rs, ctx) ->
                            new PricePoint(
                                new BigDecimal(rs.getString("price")).stripTrailingZeros(),
                                rs.getString("currency"),
                                Instant.ofEpochMilli(rs.getLong("recorded_at"))))
                    .list());
  }

  /** The last price recorded before {@code before}, if any (the price in force at that time). */
  public Optional<PricePoint> priceBefore(String productId, Instant before) {
    return reads
        .get()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT price, currency, recorded_at FROM price_history"
                            + " WHERE product_id = :id AND recorded_at < :before"
                            + " ORDER BY recorded_at DESC, id DESC LIMIT 1")
                    .bind("id", productId)
                    .bind("before", before.toEpochMilli())
                    .map(
                        (rs, ctx) ->
                            new PricePoint(
                                new BigDecimal(rs.getString("price")).stripTrailingZeros(),
                                rs.getString("currency"),
                                Instant.ofEpochMilli(rs.getLong("recorded_at"))))
                    .findOne());
  }

  public List<Category> categories() {
    return reads
        .get()
        .withHandle(
            h ->
                h.createQuery("SELECT slug, name, parent_slug, depth FROM categories ORDER BY slug")
                    .map(
                        (rs, ctx) ->
                            new Category(
                                rs.getString("slug"),
                                rs.getString("name"),
                                rs.getString("parent_slug"),
                                rs.getInt("depth")))
                    .list());
  }
}
