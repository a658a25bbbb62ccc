package ai.buywhere.ops.backup;

import ai.buywhere.ops.backup.BackupManifest.TableStats;
import ai.buywhere.store.Dialect;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Row counts and content checksums of every table of a database, read through one JDBC connection
 * (so, inside a transaction, all from one snapshot). Each table is hashed row by row in primary-key
 * order; values are canonicalised (numbers without trailing zeros, booleans as 0/1) so the same
 * rows hash the same after a dump and restore.
 */
final class TableFingerprint {
  private TableFingerprint() {}

  /** The facts a manifest records about one snapshot. */
  record Snapshot(
      Map<String, TableStats> tables, String schemaVersion, String epoch, long sequence) {}

  static Snapshot of(Connection c, Dialect dialect) throws SQLException {
    Map<String, TableStats> tables = new TreeMap<>();
    for (String table : tables(c, dialect)) {
      tables.put(table, table(c, table));
    }
    String epoch = null;
    long seq = 0;
    if (tables.containsKey("catalog_sequence")) {
      try (Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery("SELECT epoch, value FROM catalog_sequence WHERE id = 1")) {
        if (rs.next()) {
          epoch = rs.getString(1);
          seq = rs.getLong(2);
        }
      }
    }
    return new Snapshot(tables, schemaVersion(c, tables), epoch, seq);
  }

  static List<String> tables(Connection c, Dialect dialect) throws SQLException {
    String sql =
        dialect == Dialect.SQLITE
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                + " ORDER BY name"
            : "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                + " ORDER BY tablename";
    List<String> out = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static String schemaVersion(Connection c, Map<String, TableStats> tables)
      throws SQLException {
    if (!tables.containsKey("flyway_schema_history")) {
      return "none";
    }
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT version FROM flyway_schema_history WHERE success = TRUE"
                    + " AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
      return rs.next() ? rs.getString(1) : "none";
    }
  }

  private static TableStats table(Connection c, String table) throws SQLException {
    List<String> order = primaryKey(c, table);
    String orderBy = order.isEmpty() ? "" : " ORDER BY " + String.join(", ", order);
    MessageDigest md = sha256();
    long rows = 0;
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM " + quote(table) + orderBy)) {
      ResultSetMetaData meta = rs.getMetaData();
      int n = meta.getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          row.append(canonical(rs.getObject(i))).append('\u001f');
        }
        md.update(row.append('\u001e').toString().getBytes(StandardCharsets.UTF_8));
        rows++;
      }
    }
    return new TableStats(rows, HexFormat.of().formatHex(md.digest()));
  }

  private static List<String> primaryKey(Connection c, String table) throws SQLException {
    DatabaseMetaData meta = c.getMetaData();
    TreeMap<Integer, String> cols = new TreeMap<>();
    try (ResultSet rs = meta.getPrimaryKeys(null, null, table)) {
      while (rs.next()) {
        cols.put(rs.getInt("KEY_SEQ"), quote(rs.getString("COLUMN_NAME")));
      }
    }
    if (cols.isEmpty()) {
      // No primary key: order by every column so the hash does not depend on physical order.
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT * FROM " + quote(table) + " WHERE 1 = 0")) {
        int n = rs.getMetaData().getColumnCount();
        List<String> all = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          all.add(String.valueOf(i));
        }
        return all;
      }
    }
    return new ArrayList<>(cols.values());
  }

  private static String canonical(Object v) {
    if (v == null) {
      return "\u0000";
    }
    if (v instanceof Boolean b) {
      return b ? "1" : "0";
    }
    if (v instanceof BigDecimal d) {
      return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
    if (v instanceof Number num) {
      BigDecimal d = new BigDecimal(num.toString());
      return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
    if (v instanceof byte[] bytes) {
      return HexFormat.of().formatHex(bytes);
    }
    return v.toString();
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
