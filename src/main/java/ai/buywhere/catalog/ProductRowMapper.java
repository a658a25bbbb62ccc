package ai.buywhere.catalog;

import ai.buywhere.shared.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps a {@code products} row to a {@link Product}; JSON columns are parsed with Jackson. */
final class ProductRowMapper implements RowMapper<Product> {
  static final ProductRowMapper INSTANCE = new ProductRowMapper();
  private static final TypeReference<List<String>> LIST = new TypeReference<>() {};
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  @Override
  public Product map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Product(
        rs.getString("id"),
        rs.getString("sku"),
        rs.getString("source"),
        rs.getString("merchant_id"),
        rs.getString("domain"),
        rs.getString("title"),
        rs.getString("description"),
        rs.getString("brand"),
        rs.getString("url"),
        rs.getString("image_url"),
        decimal(rs, "price"),
        decimal(rs, "original_price"),
        decimal(rs, "discount_pct"),
        rs.getString("currency"),
        decimal(rs, "normalized_price_usd"),
        rs.getString("country_code"),
        rs.getString("region"),
        decimal(rs, "rating"),
        (Integer) rs.getObject("review_count") == null ? null : rs.getInt("review_count"),
        categoryPath(rs.getString("category_path")),
        jsonObject(rs.getString("structured_specs")),
        jsonObject(rs.getString("comparison_attributes")),
        rs.getString("availability"),
        rs.getString("gtin"),
        rs.getString("model"),
        rs.getBoolean("is_active"),
        rs.getLong("change_seq"),
        Instant.ofEpochMilli(rs.getLong("first_seen")),
        Instant.ofEpochMilli(rs.getLong("last_seen")),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")));
  }

  private static BigDecimal decimal(ResultSet rs, String col) throws SQLException {
    Object o = rs.getObject(col);
    if (o == null) {
      return null;
    }
    return canonical(o instanceof BigDecimal b ? b : new BigDecimal(o.toString()));
  }

  /**
   * A stored decimal in the one form reads return, whatever the dialect kept (SQLite: an integer or
   * a double; PostgreSQL: the column's scale): trailing zeros stripped, never a negative scale.
   */
  static BigDecimal canonical(BigDecimal b) {
    if (b == null) {
      return null;
    }
    BigDecimal s = b.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  /** A stored {@code category_path} column: empty when absent (or unreadable). */
  static List<String> categoryPath(String raw) {
    return json(raw, LIST, List.of());
  }

  /** A stored JSON-object column: empty when absent (or unreadable). */
  static Map<String, Object> jsonObject(String raw) {
    return json(raw, MAP, Map.of());
  }

  private static <T> T json(String raw, TypeReference<T> type, T empty) {
    if (raw == null || raw.isEmpty()) {
      return empty;
    }
    try {
      return Json.mapper().readValue(raw, type);
    } catch (IOException e) {
      return empty;
    }
  }
}
