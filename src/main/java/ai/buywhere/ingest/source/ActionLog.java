package ai.buywhere.ingest.source;

import ai.buywhere.store.Database;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * {@code ingest_actions}: every pause, resume, stop, trigger and automatic action, with its actor
 * ({@code cli}, {@code admin-api}, {@code auto}) and reason. Thread-safe.
 */
public final class ActionLog {
  /** One recorded action. */
  public record Action(String sourceId, String action, String actor, String reason, long at) {}

  private final Database db;
  private final Clock clock;

  public ActionLog(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public void record(String sourceId, String action, String actor, String reason) {
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO ingest_actions (id, source_id, action, actor, reason, at)"
                            + " VALUES (:id, :s, :a, :actor, :r, :at)")
                    .bind("id", UUID.randomUUID().toString())
                    .bind("s", sourceId)
                    .bind("a", action)
                    .bind("actor", actor)
                    .bind("r", reason)
                    .bind("at", clock.millis())
                    .execute());
  }

  public List<Action> recent(String sourceId, int limit) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT source_id, action, actor, reason, at FROM ingest_actions"
                            + " WHERE source_id = :s ORDER BY at DESC LIMIT :n")
                    .bind("s", sourceId)
                    .bind("n", limit)
                    .map(
                        (rs, ctx) ->
                            new Action(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getLong(5)))
                    .list());
  }
}
