package ai.buywhere.auth;

import ai.buywhere.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The append-only {@code audit_log} table. Admin routes write one entry per admin request (an
 * {@code after} handler in {@code AdminRoutes}), the CLI one per key command; other features may
 * {@link #record} their own admin actions too. Thread-safe.
 */
public final class AuditLog {
  private static final AtomicLong SEQUENCE = new AtomicLong();
  private final Database db;
  private final Clock clock;

  public AuditLog(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public AuditEntry record(
      String actor, String action, String target, String clientIp, Integer status, String detail) {
    Instant at = clock.instant();
    AuditEntry e = new AuditEntry(id(at), at, actor, action, target, clientIp, status, detail);
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO audit_log (id, at, actor, action, target, client_ip, status,"
                            + " detail) VALUES (:id, :at, :actor, :action, :target, :ip, :status,"
                            + " :detail)")
                    .bind("id", e.id())
                    .bind("at", e.at().toEpochMilli())
                    .bind("actor", actor)
                    .bind("action", action)
                    .bind("target", target)
                    .bind("ip", clientIp)
                    .bind("status", status)
                    .bind("detail", detail)
                    .execute());
    return e;
  }

  /**
   * Ids sort in write order (epoch millis, then a per-process sequence, then randomness against
   * collisions between nodes), so entries written in the same millisecond still list in order.
   */
  private static String id(Instant at) {
    return String.format(
        "%013d-%06d-%s",
        at.toEpochMilli(),
        SEQUENCE.incrementAndGet() % 1_000_000,
        UUID.randomUUID().toString().substring(0, 8));
  }

  /** Newest first; {@code actor} / {@code action} filter by exact value when not null. */
  public List<AuditEntry> list(int limit, int offset, String actor, String action) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT id, at, actor, action, target, client_ip, status, detail FROM audit_log WHERE"
                + " 1 = 1");
    if (actor != null) {
      sql.append(" AND actor = :actor");
    }
    if (action != null) {
      sql.append(" AND action = :action");
    }
    sql.append(" ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset");
    return db.jdbi()
        .withHandle(
            h -> {
              var q = h.createQuery(sql.toString()).bind("limit", limit).bind("offset", offset);
              if (actor != null) {
                q.bind("actor", actor);
              }
              if (action != null) {
                q.bind("action", action);
              }
              return q.map((rs, ctx) -> map(rs)).list();
            });
  }

  private static AuditEntry map(ResultSet rs) throws SQLException {
    int status = rs.getInt("status");
    Integer st = rs.wasNull() ? null : status;
    return new AuditEntry(
        rs.getString("id"),
        Instant.ofEpochMilli(rs.getLong("at")),
        rs.getString("actor"),
        rs.getString("action"),
        rs.getString("target"),
        rs.getString("client_ip"),
        st,
        rs.getString("detail"));
  }
}
