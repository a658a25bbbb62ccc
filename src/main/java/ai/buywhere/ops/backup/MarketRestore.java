package ai.buywhere.ops.backup;

import ai.buywhere.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Replaces one market's products ({@code country_code}) and their price history with a backup's,
 * leaving every other market's rows alone.
 *
 * <p>It writes like {@code CatalogWriter}: one transaction that first takes the catalog write lock
 * by allocating a block of change-sequence numbers from {@code catalog_sequence} (the same
 * statement), gives every restored row and every row it deactivates a fresh number, and never
 * deletes products (rows missing from the backup become inactive). Running indexes, which follow
 * {@code change_seq}, therefore pick the restore up without a rebuild.
 */
final class MarketRestore {
  private final Database live;
  private final Clock clock;

  MarketRestore(Database live, Clock clock) {
    this.live = live;
    this.clock = clock;
  }

  /** One market's rows as read from a backup. */
  record MarketRows(List<Map<String, Object>> products, List<Map<String, Object>> history) {}

  static MarketRows read(Connection scratch, String countryCode) throws SQLException {
    List<Map<String, Object>> products =
        rows(scratch, "SELECT * FROM products WHERE country_code = ? ORDER BY id", countryCode);
    List<Map<String, Object>> history =
        rows(
            scratch,
            "SELECT ph.product_id, ph.price, ph.currency, ph.recorded_at FROM price_history ph"
                + " JOIN products p ON p.id = ph.product_id WHERE p.country_code = ?"
                + " ORDER BY ph.id",
            countryCode);
    return new MarketRows(products, history);
  }

  private static List<Map<String, Object>> rows(Connection c, String sql, String cc)
      throws SQLException {
    List<Map<String, Object>> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, cc);
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getObject(i));
          }
          out.add(row);
        }
      }
    }
    return out;
  }

  /** Counts for the report. */
  record Outcome(
      int restored, int reinserted, int deactivated, int historyRemoved, int historyIn) {}

  Outcome apply(String countryCode, MarketRows backup) {
    return live.jdbi().inTransaction(h -> applyLocked(h, countryCode, backup));
  }

  private Outcome applyLocked(Handle h, String cc, MarketRows backup) {
    Set<String> backupIds = new HashSet<>();
    backup.products().forEach(r -> backupIds.add((String) r.get("id")));
    Set<String> liveIds =
        new HashSet<>(
            h.createQuery("SELECT id FROM products WHERE country_code = :cc")
                .bind("cc", cc)
                .mapTo(String.class)
                .list());
    List<String> toDeactivate =
        h
            .createQuery("SELECT id FROM products WHERE country_code = :cc AND is_active = TRUE")
            .bind("cc", cc)
            .mapTo(String.class)
            .list()
            .stream()
            .filter(id -> !backupIds.contains(id))
            .toList();
    int n = backup.products().size() + toDeactivate.size();
    long seq = allocateSequence(h, Math.max(n, 1)) - Math.max(n, 1);
    long now = clock.millis();

    int reinserted = 0;
    if (!backup.products().isEmpty()) {
      List<String> cols = new ArrayList<>(backup.products().get(0).keySet());
      PreparedBatch upsert = h.prepareBatch(upsertSql(cols));
      for (Map<String, Object> row : backup.products()) {
        for (String col : cols) {
          upsert.bind(col, row.get(col));
        }
        upsert.bind("change_seq", ++seq).bind("updated_at", now).add();
        if (!liveIds.contains((String) row.get("id"))) {
          reinserted++;
        }
      }
      upsert.execute();
    }
    if (!toDeactivate.isEmpty()) {
      PreparedBatch off =
          h.prepareBatch(
              "UPDATE products SET is_active = FALSE, availability = 'out_of_stock',"
                  + " change_seq = :seq, updated_at = :now WHERE id = :id");
      for (String id : toDeactivate) {
        off.bind("seq", ++seq).bind("now", now).bind("id", id).add();
      }
      off.execute();
    }
    int removed =
        h.createUpdate(
                "DELETE FROM price_history WHERE product_id IN"
                    + " (SELECT id FROM products WHERE country_code = :cc)")
            .bind("cc", cc)
            .execute();
    if (!backup.history().isEmpty()) {
      PreparedBatch hist =
          h.prepareBatch(
              "INSERT INTO price_history (product_id, price, currency, recorded_at)"
                  + " VALUES (:product_id, :price, :currency, :recorded_at)");
      for (Map<String, Object> r : backup.history()) {
        r.forEach(hist::bind);
        hist.add();
      }
      hist.execute();
    }
    return new Outcome(
        backup.products().size(),
        reinserted,
        toDeactivate.size(),
        removed,
        backup.history().size());
  }

  private static String upsertSql(List<String> cols) {
    StringBuilder sql = new StringBuilder("INSERT INTO products (");
    sql.append(String.join(", ", cols)).append(") VALUES (");
    sql.append(String.join(", ", cols.stream().map(c -> ":" + c).toList()));
    sql.append(") ON CONFLICT (id) DO UPDATE SET ");
    sql.append(
        String.join(
            ", ",
            cols.stream().filter(c -> !c.equals("id")).map(c -> c + " = excluded." + c).toList()));
    return sql.toString();
  }

  /**
   * The catalog write lock and a block of sequence numbers, exactly as CatalogWriter takes them.
   */
  static long allocateSequence(Handle h, int n) {
    return h.createQuery(
            "UPDATE catalog_sequence SET value = value + :n WHERE id = 1 RETURNING value")
        .bind("n", n)
        .mapTo(Long.class)
        .one();
  }
}
