package ai.buywhere.ingest.fleet;

import ai.buywhere.store.Database;
import java.time.Clock;
import java.util.List;

/**
 * {@code ingest_workers}: registration, heartbeats and outcomes. A worker is <em>dead</em> when its
 * heartbeat is older than the dead-after window (and it did not stop cleanly), <em>failing</em>
 * after {@link #FAILING_AFTER} consecutive failed runs; both count as unhealthy. Thread-safe.
 */
public final class WorkerRegistry {
  static final int FAILING_AFTER = 3;
  private final Database db;
  private final Clock clock;

  public WorkerRegistry(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** A worker's row plus its derived health {@code state}: busy, idle, failing, dead, stopped. */
  public record WorkerInfo(
      String id,
      String host,
      String region,
      String state,
      String currentRunId,
      long heartbeatAt,
      int consecutiveFailures,
      String lastError) {
    public boolean unhealthy() {
      return state.equals("dead") || state.equals("failing");
    }
  }

  public void register(String id, String host, String region) {
    long now = clock.millis();
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO ingest_workers (id, host, region, state, started_at,"
                            + " heartbeat_at) VALUES (:id, :host, :region, 'idle', :now, :now)"
                            + " ON CONFLICT (id) DO UPDATE SET state = 'idle', heartbeat_at ="
                            + " :now, stopped_at = NULL")
                    .bind("id", id)
                    .bind("host", host)
                    .bind("region", region)
                    .bind("now", now)
                    .execute());
  }

  public void heartbeat(String id, String state, String currentRunId) {
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE ingest_workers SET heartbeat_at = :now, state = :state,"
                            + " current_run_id = :run WHERE id = :id AND stopped_at IS NULL")
                    .bind("now", clock.millis())
                    .bind("state", state)
                    .bind("run", currentRunId)
                    .bind("id", id)
                    .execute());
  }

  public void outcome(String id, boolean success, String error) {
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE ingest_workers SET consecutive_failures = CASE WHEN :ok THEN 0"
                            + " ELSE consecutive_failures + 1 END, last_error = CASE WHEN :ok"
                            + " THEN last_error ELSE :err END WHERE id = :id")
                    .bind("ok", success)
                    .bind("err", error)
                    .bind("id", id)
                    .execute());
  }

  public void stopped(String id) {
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE ingest_workers SET state = 'stopped', stopped_at = :now,"
                            + " current_run_id = NULL WHERE id = :id")
                    .bind("now", clock.millis())
                    .bind("id", id)
                    .execute());
  }

  /** Workers seen within {@code horizonMillis} (stopped ones excluded), with derived state. */
  public List<WorkerInfo> fleet(long deadAfterMillis, long horizonMillis) {
    long now = clock.millis();
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT * FROM ingest_workers WHERE stopped_at IS NULL AND heartbeat_at >="
                            + " :horizon ORDER BY id")
                    .bind("horizon", now - horizonMillis)
                    .map(
                        (rs, ctx) -> {
                          long hb = rs.getLong("heartbeat_at");
                          int fails = rs.getInt("consecutive_failures");
                          String state =
                              now - hb > deadAfterMillis
                                  ? "dead"
                                  : fails >= FAILING_AFTER ? "failing" : rs.getString("state");
                          return new WorkerInfo(
                              rs.getString("id"),
                              rs.getString("host"),
                              rs.getString("region"),
                              state,
                              rs.getString("current_run_id"),
                              hb,
                              fails,
                              rs.getString("last_error"));
                        })
                    .list());
  }
}
