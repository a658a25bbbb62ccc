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
        json(rs.getString("category_path"), LIST, List.of()),
        json(rs.getString("structured_specs"), MAP, Map.of()),
        json(rs.getString("comparison_attributes"), MAP, Map.of()),
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
    if (o instanceof BigDecimal b) {
      return b.stripTrailingZeros().scale() < 0 ? b.setScale(0) : b.stripTrailingZeros();
    }
    BigDecimal b = new BigDecimal(o.toString());
    return b.stripTrailingZeros().scale() < 0 ? b.setScale(0) : b.stripTrailingZeros();
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
