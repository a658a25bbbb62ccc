package ai.buywhere.catalog;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * The row statements of one {@link CatalogWriter} chunk (insert, update, touch, price history) as
 * plain JDBC batches bound by position. Jdbi's named binding resolved an argument factory for each
 * of the ~30 values of every row, which cost more than SQLite's own work; the values and their SQL
 * types are the ones Jdbi bound (text, {@code BigDecimal}, integers, typed nulls), so rows are
 * stored exactly as before. Not thread-safe: one per transaction.
 */
final class ProductRows implements AutoCloseable {
  /** The columns a source controls, in binding order. */
  private static final String[] COLUMNS = {
    "merchant_id",
    "domain",
    "title",
    "description",
    "brand",
    "url",
    "image_url",
    "price",
    "original_price",
    "discount_pct",
    "currency",
    "normalized_price_usd",
    "country_code",
    "region",
    "rating",
    "review_count",
    "category_path",
    "category_slug",
    "structured_specs",
    "comparison_attributes",
    "availability",
    "gtin",
    "model"
  };

  private static final String INSERT_SQL =
      "INSERT INTO products (id, sku, source, "
          + String.join(", ", COLUMNS)
          + ", is_active, content_hash, change_seq, first_seen, last_seen, created_at, updated_at)"
          + " VALUES (?, ?, ?, "
          + "?, ".repeat(COLUMNS.length)
          + "TRUE, ?, ?, ?, ?, ?, ?)";

  private static final String UPDATE_SQL =
      "UPDATE products SET "
          + String.join(" = ?, ", COLUMNS)
          + " = ?, is_active = TRUE, content_hash = ?, change_seq = ?, last_seen = ?,"
          + " updated_at = ? WHERE id = ?";

  private static final String TOUCH_SQL = "UPDATE products SET last_seen = ? WHERE id = ?";

  private static final String HISTORY_SQL =
      "INSERT INTO price_history (product_id, price, currency, recorded_at) VALUES (?, ?, ?, ?)";

  private final PreparedStatement insert;
  private final PreparedStatement update;
  private final PreparedStatement touch;
  private final PreparedStatement history;
  private int inserts;
  private int updates;
  private int touches;
  private int histories;

  ProductRows(Connection c) throws SQLException {
    this.insert = c.prepareStatement(INSERT_SQL);
    this.update = c.prepareStatement(UPDATE_SQL);
    this.touch = c.prepareStatement(TOUCH_SQL);
    this.history = c.prepareStatement(HISTORY_SQL);
  }

  void insert(StoredRow row, String id, String hash, long seq, long now) throws SQLException {
    insert.setString(1, id);
    insert.setString(2, row.in().sku());
    insert.setString(3, row.in().source());
    int i = bindColumns(insert, 4, row);
    insert.setString(i++, hash);
    insert.setLong(i++, seq);
    for (int k = 0; k < 4; k++) {
      insert.setLong(i++, now);
    }
    insert.addBatch();
    inserts++;
  }

  void update(StoredRow row, String id, String hash, long seq, long now) throws SQLException {
    int i = bindColumns(update, 1, row);
    update.setString(i++, hash);
    update.setLong(i++, seq);
    update.setLong(i++, now);
    update.setLong(i++, now);
    update.setString(i, id);
    update.addBatch();
    updates++;
  }

  /** An unchanged row: only {@code last_seen} moves. */
  void touch(String id, long now) throws SQLException {
    touch.setLong(1, now);
    touch.setString(2, id);
    touch.addBatch();
    touches++;
  }

  void history(String id, BigDecimal price, String currency, long now) throws SQLException {
    history.setString(1, id);
    history.setBigDecimal(2, price);
    history.setString(3, currency);
    history.setLong(4, now);
    history.addBatch();
    histories++;
  }

  /** Runs the queued rows: products first, so that price history finds its product. */
  void execute() throws SQLException {
    if (inserts > 0) {
      insert.executeBatch();
    }
    if (updates > 0) {
      update.executeBatch();
    }
    if (touches > 0) {
      touch.executeBatch();
    }
    if (histories > 0) {
      history.executeBatch();
    }
  }

  private int bindColumns(PreparedStatement ps, int first, StoredRow row) throws SQLException {
    ProductInput in = row.in();
    int i = first;
    text(ps, i++, row.merchantId());
    text(ps, i++, row.domain());
    text(ps, i++, in.title());
    text(ps, i++, in.description());
    text(ps, i++, in.brand());
    text(ps, i++, in.url());
    text(ps, i++, in.imageUrl());
    decimal(ps, i++, row.price());
    decimal(ps, i++, row.originalPrice());
    decimal(ps, i++, row.discountPct());
    text(ps, i++, in.currency());
    decimal(ps, i++, row.normalizedPriceUsd());
    text(ps, i++, row.countryCode());
    text(ps, i++, row.region());
    decimal(ps, i++, row.rating());
    if (in.reviewCount() == null) {
      ps.setNull(i++, Types.INTEGER);
    } else {
      ps.setInt(i++, in.reviewCount());
    }
    text(ps, i++, row.categoryPathJson());
    text(ps, i++, row.categorySlug());
    text(ps, i++, row.structuredSpecsJson());
    text(ps, i++, row.comparisonAttributesJson());
    text(ps, i++, row.availability());
    text(ps, i++, in.gtin());
    text(ps, i++, in.model());
    return i;
  }

  private static void text(PreparedStatement ps, int i, String v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.VARCHAR);
    } else {
      ps.setString(i, v);
    }
  }

  private static void decimal(PreparedStatement ps, int i, BigDecimal v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.NUMERIC);
    } else {
      ps.setBigDecimal(i, v);
    }
  }

  @Override
  public void close() throws SQLException {
    try (insert;
        update;
        touch;
        history) {
      // closes all four
    }
  }
}
