package ai.buywhere.ingest.run;

import ai.buywhere.shared.Json;
import ai.buywhere.store.Database;
import ai.buywhere.store.Dialect;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code ingest_runs}: the run records and the work queue (see the package doc). Every state change
 * is one conditional statement, so concurrent workers and controls never lose an update: a worker
 * only writes to a run it still owns ({@code worker_id} and {@code status = 'running'}).
 * Thread-safe.
 */
public final class RunRepository {
  static final int MAX_SAMPLES = 20;
  private final Database db;
  private final Clock clock;

  public RunRepository(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** A trigger's outcome: the queued or already-active run of the source. */
  public record Enqueued(String sourceId, String runId, boolean created) {}

  /** Queues a run unless the source already has one queued or running (then returns that one). */
  public Enqueued enqueue(String sourceId, String trigger, int maxAttempts) {
    long now = clock.millis();
    String id = UUID.randomUUID().toString();
    return db.jdbi()
        .inTransaction(
            h -> {
              int n =
                  h.createUpdate(
                          "INSERT INTO ingest_runs (id, source_id, trigger, status, attempt,"
                              + " max_attempts, queued_at, not_before) VALUES (:id, :s, :t,"
                              + " 'queued', 1, :max, :now, :now) ON CONFLICT DO NOTHING")
                      .bind("id", id)
                      .bind("s", sourceId)
                      .bind("t", trigger)
                      .bind("max", maxAttempts)
                      .bind("now", now)
                      .execute();
              if (n == 1) {
                return new Enqueued(sourceId, id, true);
              }
              String existing =
                  h.createQuery(
                          "SELECT id FROM ingest_runs WHERE source_id = :s"
                              + " AND status IN ('queued', 'running')")
                      .bind("s", sourceId)
                      .mapTo(String.class)
                      .one();
              return new Enqueued(sourceId, existing, false);
            });
  }

  /**
   * Claims the oldest due queued run of an active source for {@code workerId}. PostgreSQL skips
   * rows another worker has locked; SQLite serialises writers, so the conditional update is the
   * whole story there.
   */
  public Optional<Run> claim(String workerId) {
    long now = clock.millis();
    String lock = db.dialect() == Dialect.POSTGRESQL ? " FOR UPDATE OF r SKIP LOCKED" : "";
    String sql =
        "UPDATE ingest_runs SET status = 'running', worker_id = :w, started_at = :now,"
            + " heartbeat_at = :now WHERE status = 'queued' AND id = (SELECT r.id FROM"
            + " ingest_runs r JOIN ingest_sources s ON s.id = r.source_id WHERE r.status ="
            + " 'queued' AND r.not_before <= :now AND s.status = 'active' ORDER BY r.not_before,"
            + " r.queued_at LIMIT 1"
            + lock
            + ") RETURNING *";
    return db.jdbi()
        .inTransaction(
            h ->
                h.createQuery(sql)
                    .bind("w", workerId)
                    .bind("now", now)
                    .map((rs, ctx) -> map(rs))
                    .findOne());
  }

  /**
   * Adds page counts and refreshes the heartbeat of a run this worker owns. Returns empty when the
   * worker no longer owns the run (it was re-queued as stalled), else whether cancel was asked.
   */
  public Optional<Boolean> progress(
      String runId, String workerId, RunCounts d, List<String> samples) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "UPDATE ingest_runs SET heartbeat_at = :now, rows_seen = rows_seen + :seen,"
                            + " rows_inserted = rows_inserted + :ins, rows_updated = rows_updated"
                            + " + :upd, rows_unchanged = rows_unchanged + :unch, rows_failed ="
                            + " rows_failed + :fail, rows_with_image = rows_with_image + :img,"
                            + " error_samples = :samples WHERE id = :id AND worker_id = :w AND"
                            + " status = 'running' RETURNING cancel_requested")
                    .bind("now", clock.millis())
                    .bind("seen", d.seen())
                    .bind("ins", d.inserted())
                    .bind("upd", d.updated())
                    .bind("unch", d.unchanged())
                    .bind("fail", d.failed())
                    .bind("img", d.withImage())
                    .bind("samples", json(samples))
                    .bind("id", runId)
                    .bind("w", workerId)
                    .mapTo(Boolean.class)
                    .findOne());
  }

  /**
   * Refreshes the heartbeat of a run this worker owns (between pages, from the heartbeat thread).
   */
  public void touch(String runId, String workerId) {
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE ingest_runs SET heartbeat_at = :now WHERE id = :id AND worker_id ="
                            + " :w AND status = 'running'")
                    .bind("now", clock.millis())
                    .bind("id", runId)
                    .bind("w", workerId)
                    .execute());
  }

  /** Sets a final status on a run this worker owns; false if it no longer owns it. */
  public boolean finish(
      String runId,
      String workerId,
      RunStatus status,
      String summary,
      List<String> samples,
      int deactivated) {
    return db.jdbi()
            .withHandle(
                h ->
                    h.createUpdate(
                            "UPDATE ingest_runs SET status = :st, finished_at = :now,"
                                + " heartbeat_at = :now, error_summary = :sum, error_samples ="
                                + " :samples, rows_deactivated = :deact WHERE id = :id AND"
                                + " worker_id = :w AND status = 'running'")
                        .bind("st", status.wire())
                        .bind("now", clock.millis())
                        .bind("sum", summary)
                        .bind("samples", json(samples))
                        .bind("deact", deactivated)
                        .bind("id", runId)
                        .bind("w", workerId)
                        .execute())
        == 1;
  }

  /**
   * After a failure: back to {@code queued} with the next attempt after {@code delayMillis}, or
   * {@code failed} when attempts are used up. Returns the resulting status.
   */
  public RunStatus retryOrFail(Run run, String workerId, String error, long delayMillis) {
    boolean retry = run.attempt() < run.maxAttempts();
    long now = clock.millis();
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE ingest_runs SET status = :st, attempt = :att, worker_id = CASE"
                            + " WHEN :retry THEN NULL ELSE worker_id END, not_before = :nb,"
                            + " finished_at = CASE WHEN :retry THEN NULL ELSE :now END,"
                            + " error_summary = :err WHERE id = :id AND worker_id = :w AND status"
                            + " = 'running'")
                    .bind("st", retry ? "queued" : "failed")
                    .bind("att", retry ? run.attempt() + 1 : run.attempt())
                    .bind("retry", retry)
                    .bind("nb", now + delayMillis)
                    .bind("now", now)
                    .bind("err", truncate(error))
                    .bind("id", run.id())
                    .bind("w", workerId)
                    .execute());
    return retry ? RunStatus.QUEUED : RunStatus.FAILED;
  }

  /** A run found stalled and what became of it. */
  public record Reaped(String runId, String sourceId, RunStatus status) {}

  /**
   * Re-queues (or fails, or cancels if a cancel was asked) running runs whose heartbeat is older
   * than {@code cutoffMillis}: their worker died or hung.
   */
  public List<Reaped> reapStalled(long cutoffMillis) {
    long now = clock.millis();
    return db.jdbi()
        .inTransaction(
            h ->
                h.createQuery(
                        "UPDATE ingest_runs SET status = CASE WHEN cancel_requested THEN"
                            + " 'cancelled' WHEN attempt < max_attempts THEN 'queued' ELSE"
                            + " 'failed' END, finished_at = CASE WHEN cancel_requested OR attempt"
                            + " >= max_attempts THEN :now ELSE NULL END, attempt = CASE WHEN NOT"
                            + " cancel_requested AND attempt < max_attempts THEN attempt + 1 ELSE"
                            + " attempt END, error_summary = 'stalled: worker ' ||"
                            + " COALESCE(worker_id, '?') || ' stopped heartbeating', worker_id ="
                            + " NULL, not_before = :now WHERE status = 'running' AND heartbeat_at"
                            + " < :cutoff RETURNING id, source_id, status")
                    .bind("now", now)
                    .bind("cutoff", cutoffMillis)
                    .map(
                        (rs, ctx) ->
                            new Reaped(
                                rs.getString(1), rs.getString(2), RunStatus.parse(rs.getString(3))))
                    .list());
  }

  /** Cancels queued runs of the sources and asks running ones to stop; returns runs affected. */
  public int requestCancel(List<String> sourceIds) {
    if (sourceIds.isEmpty()) {
      return 0;
    }
    long now = clock.millis();
    return db.jdbi()
        .inTransaction(
            h ->
                h.createUpdate(
                            "UPDATE ingest_runs SET status = 'cancelled', finished_at = :now,"
                                + " error_summary = 'cancelled before start' WHERE status ="
                                + " 'queued' AND source_id IN (<ids>)")
                        .bind("now", now)
                        .bindList("ids", sourceIds)
                        .execute()
                    + h.createUpdate(
                            "UPDATE ingest_runs SET cancel_requested = TRUE WHERE status ="
                                + " 'running' AND source_id IN (<ids>)")
                        .bindList("ids", sourceIds)
                        .execute());
  }

  /** Records a push request as an already-finished run (push never queues). */
  public String recordPush(String sourceId, RunStatus status, RunCounts c, List<String> samples) {
    String id = UUID.randomUUID().toString();
    long now = clock.millis();
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO ingest_runs (id, source_id, trigger, status, attempt,"
                            + " max_attempts, queued_at, not_before, started_at, heartbeat_at,"
                            + " finished_at, rows_seen, rows_inserted, rows_updated,"
                            + " rows_unchanged, rows_failed, rows_with_image, error_samples)"
                            + " VALUES (:id, :s, 'push', :st, 1, 1, :now, :now, :now, :now, :now,"
                            + " :seen, :ins, :upd, :unch, :fail, :img, :samples)")
                    .bind("id", id)
                    .bind("s", sourceId)
                    .bind("st", status.wire())
                    .bind("now", now)
                    .bind("seen", c.seen())
                    .bind("ins", c.inserted())
                    .bind("upd", c.updated())
                    .bind("unch", c.unchanged())
                    .bind("fail", c.failed())
                    .bind("img", c.withImage())
                    .bind("samples", json(samples))
                    .execute());
    return id;
  }

  public Optional<Run> find(String id) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT * FROM ingest_runs WHERE id = :id")
                    .bind("id", id)
                    .map((rs, ctx) -> map(rs))
                    .findOne());
  }

  /** Newest first; all sources when {@code sourceId} is null. */
  public List<Run> list(String sourceId, int limit) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT * FROM ingest_runs"
                            + (sourceId == null ? "" : " WHERE source_id = :s")
                            + " ORDER BY queued_at DESC, id LIMIT :n")
                    .bind("s", sourceId)
                    .bind("n", limit)
                    .map((rs, ctx) -> map(rs))
                    .list());
  }

  static Run map(ResultSet rs) throws SQLException {
    return new Run(
        rs.getString("id"),
        rs.getString("source_id"),
        rs.getString("trigger"),
        RunStatus.parse(rs.getString("status")),
        rs.getInt("attempt"),
        rs.getInt("max_attempts"),
        rs.getString("worker_id"),
        rs.getLong("queued_at"),
        lng(rs, "started_at"),
        lng(rs, "heartbeat_at"),
        lng(rs, "finished_at"),
        rs.getBoolean("cancel_requested"),
        rs.getInt("rows_seen"),
        rs.getInt("rows_inserted"),
        rs.getInt("rows_updated"),
        rs.getInt("rows_unchanged"),
        rs.getInt("rows_failed"),
        rs.getInt("rows_with_image"),
        rs.getInt("rows_deactivated"),
        samples(rs.getString("error_samples")),
        rs.getString("error_summary"));
  }

  private static Long lng(ResultSet rs, String col) throws SQLException {
    long v = rs.getLong(col);
    return rs.wasNull() ? null : v;
  }

  private static List<String> samples(String json) {
    if (json == null) {
      return List.of();
    }
    try {
      return Json.mapper().readValue(json, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      return List.of();
    }
  }

  private static String json(List<String> samples) {
    try {
      return samples == null || samples.isEmpty()
          ? null
          : Json.mapper()
              .writeValueAsString(samples.subList(0, Math.min(MAX_SAMPLES, samples.size())));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String truncate(String s) {
    return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
  }
}
