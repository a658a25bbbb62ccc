package ai.buywhere.ops.flags;

import ai.buywhere.store.Database;
import ai.buywhere.store.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The {@code feature_flag_overrides} and {@code feature_flag_history} tables. Writers call the
 * {@link Handle} methods inside one transaction so the override and its audit row commit together.
 */
final class FlagOverrideRepository {
  private final Database db;

  FlagOverrideRepository(Database db) {
    this.db = db;
  }

  Database database() {
    return db;
  }

  List<FlagOverride> all() {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT flag, enabled, reason, updated_by, updated_at"
                            + " FROM feature_flag_overrides ORDER BY flag")
                    .map((rs, ctx) -> override(rs))
                    .list());
  }

  /** The current override, row-locked on PostgreSQL (SQLite transactions are already exclusive). */
  Optional<FlagOverride> findForUpdate(Handle h, String flag) {
    String lock = db.dialect() == Dialect.POSTGRESQL ? " FOR UPDATE" : "";
    return h.createQuery(
            "SELECT flag, enabled, reason, updated_by, updated_at FROM feature_flag_overrides"
                + " WHERE flag = :flag"
                + lock)
        .bind("flag", flag)
        .map((rs, ctx) -> override(rs))
        .findOne();
  }

  void upsert(Handle h, FlagOverride o) {
    h.createUpdate(
            "INSERT INTO feature_flag_overrides (flag, enabled, reason, updated_by, updated_at)"
                + " VALUES (:flag, :enabled, :reason, :by, :at)"
                + " ON CONFLICT (flag) DO UPDATE SET enabled = excluded.enabled,"
                + " reason = excluded.reason, updated_by = excluded.updated_by,"
                + " updated_at = excluded.updated_at")
        .bind("flag", o.flag())
        .bind("enabled", o.enabled())
        .bind("reason", o.reason())
        .bind("by", o.updatedBy())
        .bind("at", o.updatedAt().toEpochMilli())
        .execute();
  }

  void delete(Handle h, String flag) {
    h.createUpdate("DELETE FROM feature_flag_overrides WHERE flag = :flag")
        .bind("flag", flag)
        .execute();
  }

  void insertHistory(Handle h, FlagChange c) {
    h.createUpdate(
            "INSERT INTO feature_flag_history"
                + " (flag, action, old_value, new_value, actor, reason, changed_at)"
                + " VALUES (:flag, :action, :old, :new, :actor, :reason, :at)")
        .bind("flag", c.flag())
        .bind("action", c.action())
        .bind("old", c.oldValue())
        .bind("new", c.newValue())
        .bind("actor", c.actor())
        .bind("reason", c.reason())
        .bind("at", c.changedAt().toEpochMilli())
        .execute();
  }

  /** Newest first; {@code flag} null means every flag. */
  List<FlagChange> history(String flag, int limit) {
    return db.jdbi()
        .withHandle(
            h -> {
              var q =
                  h.createQuery(
                      "SELECT id, flag, action, old_value, new_value, actor, reason, changed_at"
                          + " FROM feature_flag_history"
                          + (flag == null ? "" : " WHERE flag = :flag")
                          + " ORDER BY id DESC LIMIT :limit");
              if (flag != null) {
                q.bind("flag", flag);
              }
              return q.bind("limit", limit)
                  .map(
                      (rs, ctx) ->
                          new FlagChange(
                              rs.getLong("id"),
                              rs.getString("flag"),
                              rs.getString("action"),
                              rs.getBoolean("old_value"),
                              rs.getBoolean("new_value"),
                              rs.getString("actor"),
                              rs.getString("reason"),
                              Instant.ofEpochMilli(rs.getLong("changed_at"))))
                  .list();
            });
  }

  private static FlagOverride override(ResultSet rs) throws SQLException {
    return new FlagOverride(
        rs.getString("flag"),
        rs.getBoolean("enabled"),
        rs.getString("reason"),
        rs.getString("updated_by"),
        Instant.ofEpochMilli(rs.getLong("updated_at")));
  }
}
