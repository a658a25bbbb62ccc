package ai.buywhere.ops.incidents;

import ai.buywhere.ops.incidents.Incident.Status;
import ai.buywhere.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The {@code incidents} and {@code incident_events} tables (V45). Every state change is a
 * conditional update ({@code WHERE status IN …}, {@code WHERE escalation_step = from}) that reports
 * whether this caller won, so concurrent callers, a second node or a restarted ticker never apply
 * (or announce) the same change twice.
 */
final class IncidentRepository {
  private final Database db;

  IncidentRepository(Database db) {
    this.db = db;
  }

  /** The next incident number, shared by all nodes (an upsert-and-return on a counter row). */
  long nextSeq() {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "INSERT INTO incident_counter (name, value) VALUES ('incident', 1) ON"
                            + " CONFLICT (name) DO UPDATE SET value = incident_counter.value + 1"
                            + " RETURNING value")
                    .mapTo(Long.class)
                    .one());
  }

  /** Inserts a new incident; false when an open incident for the same alert exists already. */
  boolean insert(Incident i, long seq) {
    try {
      db.jdbi()
          .useHandle(
              h ->
                  h.createUpdate(
                          "INSERT INTO incidents (id, seq, severity, title, impact, status,"
                              + " commander, alert_key, opened_at, escalation_step, ack_breached,"
                              + " engage_breached, resolve_breached, event_count, updated_at)"
                              + " VALUES (:id, :seq, :severity, :title, :impact, 'open', NULL,"
                              + " :alertKey, :openedAt, -1, FALSE, FALSE, FALSE, 0, :openedAt)")
                      .bind("id", i.id())
                      .bind("seq", seq)
                      .bind("severity", i.severity().name())
                      .bind("title", i.title())
                      .bind("impact", i.impact())
                      .bind("alertKey", i.alertKey())
                      .bind("openedAt", i.openedAt())
                      .execute());
      return true;
    } catch (RuntimeException e) {
      if (i.alertKey() != null && findOpenByAlert(i.alertKey()).isPresent()) {
        return false;
      }
      throw e;
    }
  }

  Optional<Incident> find(String id) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT * FROM incidents WHERE id = :id")
                    .bind("id", id)
                    .map(IncidentRepository::map)
                    .findOne()
                    .map(i -> i.withTimeline(timeline(h, id))));
  }

  Optional<Incident> findOpenByAlert(String alertKey) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT * FROM incidents WHERE alert_key = :k AND status <> 'resolved'")
                    .bind("k", alertKey)
                    .map(IncidentRepository::map)
                    .findOne());
  }

  /** Newest first; only unresolved ones when {@code openOnly}. Without timelines. */
  List<Incident> list(boolean openOnly, int limit) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT * FROM incidents"
                            + (openOnly ? " WHERE status <> 'resolved'" : "")
                            + " ORDER BY seq DESC LIMIT :limit")
                    .bind("limit", limit)
                    .map(IncidentRepository::map)
                    .list());
  }

  /** Incidents resolved at or after {@code since}, newest first. */
  List<Incident> resolvedSince(long since) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT * FROM incidents WHERE status = 'resolved' AND resolved_at >= :t"
                            + " ORDER BY seq DESC")
                    .bind("t", since)
                    .map(IncidentRepository::map)
                    .list());
  }

  Map<Severity, Long> openBySeverity() {
    Map<Severity, Long> out = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      out.put(s, 0L);
    }
    db.jdbi()
        .useHandle(
            h ->
                h.createQuery(
                        "SELECT severity, COUNT(*) AS n FROM incidents WHERE status <> 'resolved'"
                            + " GROUP BY severity")
                    .map((rs, ctx) -> Map.entry(rs.getString("severity"), rs.getLong("n")))
                    .forEach(e -> out.put(Severity.valueOf(e.getKey()), e.getValue())));
    return out;
  }

  /**
   * Moves the incident to {@code to} if its status is one of {@code from}; sets the stage's
   * timestamp ({@code acknowledged_at} is also set by engage when missing) and the commander when
   * given and none is set yet ({@code replaceCommander} overrides).
   */
  boolean transition(
      String id,
      Collection<Status> from,
      Status to,
      long now,
      String commander,
      boolean replaceCommander) {
    String stamp =
        switch (to) {
          case ACKNOWLEDGED -> "acknowledged_at = :now";
          case ENGAGED -> "engaged_at = :now, acknowledged_at = COALESCE(acknowledged_at, :now)";
          case RESOLVED -> "resolved_at = :now";
          case OPEN -> throw new IllegalArgumentException("cannot move back to open");
        };
    String cmd =
        replaceCommander ? "COALESCE(:commander, commander)" : "COALESCE(commander, :commander)";
    String sql =
        "UPDATE incidents SET status = :to, "
            + stamp
            + ", commander = "
            + cmd
            + ", updated_at = :now WHERE id = :id AND status IN ("
            + in(from)
            + ")";
    return db.jdbi()
            .withHandle(
                h ->
                    h.createUpdate(sql)
                        .bind("to", to.wire())
                        .bind("now", now)
                        .bind("commander", commander)
                        .bind("id", id)
                        .execute())
        == 1;
  }

  /** Records that steps up to {@code to} were notified; false when another caller did it. */
  boolean advanceEscalation(String id, int from, int to, Collection<Status> while_, long now) {
    return db.jdbi()
            .withHandle(
                h ->
                    h.createUpdate(
                            "UPDATE incidents SET escalation_step = :to, updated_at = :now WHERE"
                                + " id = :id AND escalation_step = :from AND status IN ("
                                + in(while_)
                                + ")")
                        .bind("to", to)
                        .bind("from", from)
                        .bind("now", now)
                        .bind("id", id)
                        .execute())
        == 1;
  }

  /** Flags a stage as breached; false when it was already. */
  boolean markBreached(String id, IncidentPolicy.Stage stage) {
    String col =
        switch (stage) {
          case ACKNOWLEDGE -> "ack_breached";
          case ENGAGE -> "engage_breached";
          case RESOLVE -> "resolve_breached";
        };
    return db.jdbi()
            .withHandle(
                h ->
                    h.createUpdate(
                            "UPDATE incidents SET "
                                + col
                                + " = TRUE WHERE id = :id AND "
                                + col
                                + " = FALSE")
                        .bind("id", id)
                        .execute())
        == 1;
  }

  /** Appends a timeline event (numbered per incident, in one transaction). */
  void addEvent(String id, long at, TimelineEvent.Type type, String actor, String message) {
    db.jdbi()
        .useTransaction(
            h -> {
              int n =
                  h.createQuery(
                          "UPDATE incidents SET event_count = event_count + 1 WHERE id = :id"
                              + " RETURNING event_count")
                      .bind("id", id)
                      .mapTo(Integer.class)
                      .one();
              h.createUpdate(
                      "INSERT INTO incident_events (incident_id, n, at, type, actor, message)"
                          + " VALUES (:id, :n, :at, :type, :actor, :message)")
                  .bind("id", id)
                  .bind("n", n)
                  .bind("at", at)
                  .bind("type", type.wire())
                  .bind("actor", actor)
                  .bind("message", message)
                  .execute();
            });
  }

  private static List<TimelineEvent> timeline(Handle h, String id) {
    return h.createQuery("SELECT * FROM incident_events WHERE incident_id = :id ORDER BY n")
        .bind("id", id)
        .map(
            (rs, ctx) ->
                new TimelineEvent(
                    rs.getInt("n"),
                    rs.getLong("at"),
                    TimelineEvent.Type.valueOf(
                        rs.getString("type").toUpperCase(java.util.Locale.ROOT)),
                    rs.getString("actor"),
                    rs.getString("message")))
        .list();
  }

  private static String in(Collection<Status> statuses) {
    return statuses.stream().map(s -> "'" + s.wire() + "'").collect(Collectors.joining(", "));
  }

  private static Long nullable(ResultSet rs, String col) throws SQLException {
    long v = rs.getLong(col);
    return rs.wasNull() ? null : v;
  }

  private static Incident map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Incident(
        rs.getString("id"),
        Severity.valueOf(rs.getString("severity")),
        rs.getString("title"),
        rs.getString("impact"),
        Status.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)),
        rs.getString("commander"),
        rs.getString("alert_key"),
        rs.getLong("opened_at"),
        nullable(rs, "acknowledged_at"),
        nullable(rs, "engaged_at"),
        nullable(rs, "resolved_at"),
        rs.getInt("escalation_step"),
        rs.getBoolean("ack_breached"),
        rs.getBoolean("engage_breached"),
        rs.getBoolean("resolve_breached"),
        List.of());
  }
}
