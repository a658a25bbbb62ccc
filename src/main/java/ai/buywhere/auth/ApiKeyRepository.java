package ai.buywhere.auth;

import ai.buywhere.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The {@code api_keys} table. One SQL text for SQLite and PostgreSQL. Thread-safe. */
final class ApiKeyRepository {
  private static final String COLUMNS =
      "id, name, tier, role, display_prefix, contact, use_case, created_at, expires_at,"
          + " revoked_at, rotated_at, last_used_at";

  private final Database db;

  ApiKeyRepository(Database db) {
    this.db = db;
  }

  void insert(ApiKey k, String hash) {
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO api_keys (id, key_hash, display_prefix, name, tier, role,"
                            + " contact, use_case, created_at, expires_at) VALUES (:id, :hash,"
                            + " :prefix, :name, :tier, :role, :contact, :useCase, :created,"
                            + " :expires)")
                    .bind("id", k.id())
                    .bind("hash", hash)
                    .bind("prefix", k.displayPrefix())
                    .bind("name", k.name())
                    .bind("tier", k.tier().name())
                    .bind("role", k.role().name())
                    .bind("contact", k.contact())
                    .bind("useCase", k.useCase())
                    .bind("created", k.createdAt().toEpochMilli())
                    .bind("expires", millis(k.expiresAt()))
                    .execute());
  }

  Optional<ApiKey> findByHash(String hash) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = :hash")
                    .bind("hash", hash)
                    .map((rs, ctx) -> map(rs))
                    .findOne());
  }

  Optional<ApiKey> findById(String id) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT " + COLUMNS + " FROM api_keys WHERE id = :id")
                    .bind("id", id)
                    .map((rs, ctx) -> map(rs))
                    .findOne());
  }

  List<ApiKey> list() {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT " + COLUMNS + " FROM api_keys ORDER BY created_at, id")
                    .map((rs, ctx) -> map(rs))
                    .list());
  }

  /** Marks the key revoked; false when it does not exist or was already revoked. */
  boolean revoke(String id, Instant at) {
    return db.jdbi()
            .withHandle(
                h ->
                    h.createUpdate(
                            "UPDATE api_keys SET revoked_at = :at WHERE id = :id AND revoked_at IS"
                                + " NULL")
                        .bind("id", id)
                        .bind("at", at.toEpochMilli())
                        .execute())
        == 1;
  }

  /** Replaces the secret of a live key; false when it does not exist or is revoked. */
  boolean rotate(String id, String newHash, String newPrefix, Instant at) {
    return db.jdbi()
            .withHandle(
                h ->
                    h.createUpdate(
                            "UPDATE api_keys SET key_hash = :hash, display_prefix = :prefix,"
                                + " rotated_at = :at WHERE id = :id AND revoked_at IS NULL")
                        .bind("id", id)
                        .bind("hash", newHash)
                        .bind("prefix", newPrefix)
                        .bind("at", at.toEpochMilli())
                        .execute())
        == 1;
  }

  /** One batched statement for many keys; never moves {@code last_used_at} backwards. */
  void touchLastUsed(Map<String, Long> lastUsed) {
    if (lastUsed.isEmpty()) {
      return;
    }
    db.jdbi()
        .useTransaction(
            h -> {
              PreparedBatch batch =
                  h.prepareBatch(
                      "UPDATE api_keys SET last_used_at = :at WHERE id = :id AND (last_used_at IS"
                          + " NULL OR last_used_at < :at)");
              lastUsed.forEach((id, at) -> batch.bind("id", id).bind("at", at).add());
              batch.execute();
            });
  }

  private static Long millis(Instant t) {
    return t == null ? null : t.toEpochMilli();
  }

  private static Instant instant(ResultSet rs, String col) throws SQLException {
    long v = rs.getLong(col);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  private static ApiKey map(ResultSet rs) throws SQLException {
    return new ApiKey(
        rs.getString("id"),
        rs.getString("name"),
        Tier.valueOf(rs.getString("tier")),
        Role.valueOf(rs.getString("role")),
        rs.getString("display_prefix"),
        rs.getString("contact"),
        rs.getString("use_case"),
        instant(rs, "created_at"),
        instant(rs, "expires_at"),
        instant(rs, "revoked_at"),
        instant(rs, "rotated_at"),
        instant(rs, "last_used_at"));
  }
}
