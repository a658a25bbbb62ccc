package ai.buywhere.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL baseline: a generated, stored {@code tsvector} over the catalog's own {@code
 * products} table (title A, brand B, description C) with a GIN index, queried with {@code
 * websearch_to_tsquery('english', q)} ranked by {@code ts_rank_cd}, top N. It reads every column of
 * the hits, as our search returns whole products. Not thread-safe: one connection, one client.
 */
final class PgFullText implements AutoCloseable {
  static final String COLUMN =
      "ALTER TABLE products ADD COLUMN IF NOT EXISTS bench_tsv tsvector GENERATED ALWAYS AS ("
          + "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
          + "setweight(to_tsvector('english', coalesce(brand, '')), 'B') || "
          + "setweight(to_tsvector('english', coalesce(description, '')), 'C')) STORED";
  static final String INDEX =
      "CREATE INDEX IF NOT EXISTS products_bench_tsv ON products USING GIN (bench_tsv)";
  private static final String SELECT =
      "SELECT p.*, ts_rank_cd(p.bench_tsv, q) AS rank"
          + " FROM products p, websearch_to_tsquery('english', ?) q"
          + " WHERE p.bench_tsv @@ q AND p.is_active";

  private final Connection connection;
  private final PreparedStatement any;
  private final PreparedStatement inCountry;

  PgFullText(Connection connection) throws SQLException {
    this.connection = connection;
    this.any = connection.prepareStatement(SELECT + " ORDER BY rank DESC LIMIT ?");
    this.inCountry =
        connection.prepareStatement(SELECT + " AND p.country_code = ? ORDER BY rank DESC LIMIT ?");
  }

  /** Adds the column and the index (idempotent); returns the elapsed milliseconds. */
  static long setUp(Connection c) throws SQLException {
    long t0 = System.nanoTime();
    try (Statement s = c.createStatement()) {
      s.execute(COLUMN);
      s.execute(INDEX);
      s.execute("ANALYZE products");
    }
    return (System.nanoTime() - t0) / 1_000_000;
  }

  /** The skus of the top {@code limit} hits, best first; {@code country} null = no filter. */
  List<String> search(String q, String country, int limit) throws SQLException {
    PreparedStatement ps = country == null ? any : inCountry;
    ps.setString(1, q);
    if (country == null) {
      ps.setInt(2, limit);
    } else {
      ps.setString(2, country);
      ps.setInt(3, limit);
    }
    List<String> skus = new ArrayList<>(limit);
    try (ResultSet rs = ps.executeQuery()) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= columns; i++) {
          rs.getObject(i); // materialise the whole row, as a product response needs it
        }
        skus.add(rs.getString("sku"));
      }
    }
    return skus;
  }

  @Override
  public void close() throws SQLException {
    any.close();
    inCountry.close();
    connection.close();
  }
}
