package ai.buywhere.ingest.source;

import ai.buywhere.catalog.Markets;
import ai.buywhere.ingest.Source;
import ai.buywhere.ingest.SourceKind;
import ai.buywhere.shared.Json;
import ai.buywhere.store.Database;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code ingest_sources} table. Registration is an upsert on id that keeps status and health;
 * pause state is stored, so it survives restarts and is shared by every process. Thread-safe.
 */
public final class SourceRepository {
  private final Database db;
  private final Clock clock;

  public SourceRepository(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Inserts or updates the source from a spec that has passed {@link SourceSpec#validate}. */
  public Source upsert(SourceSpec spec) {
    long now = clock.millis();
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "INSERT INTO ingest_sources (id, kind, url, country_code, region, currency,"
                            + " interval_minutes, options, status, created_at, updated_at)"
                            + " VALUES (:id, :kind, :url, :cc, :region, :currency, :interval,"
                            + " :options, 'active', :now, :now)"
                            + " ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, url ="
                            + " excluded.url, country_code = excluded.country_code, region ="
                            + " excluded.region, currency = excluded.currency, interval_minutes ="
                            + " excluded.interval_minutes, options = excluded.options, updated_at"
                            + " = excluded.updated_at")
                    .bind("id", spec.id())
                    .bind("kind", spec.kind())
                    .bind("url", spec.url())
                    .bind("cc", spec.countryCode())
                    .bind("region", Markets.regionOf(spec.countryCode()))
                    .bind("currency", spec.currency())
                    .bind("interval", spec.intervalMinutes())
                    .bind("options", json(spec.options()))
                    .bind("now", now)
                    .execute());
    return find(spec.id()).orElseThrow();
  }

  public Optional<Source> find(String id) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT * FROM ingest_sources WHERE id = :id")
                    .bind("id", id)
                    .map((rs, ctx) -> map(rs))
                    .findOne());
  }

  public List<Source> list() {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT * FROM ingest_sources ORDER BY id")
                    .map((rs, ctx) -> map(rs))
                    .list());
  }

  public List<Source> matching(List<String> globs) {
    return list().stream().filter(s -> Globs.matchesAny(globs, s)).toList();
  }

  /** Sets status for the given ids; returns how many rows changed state. */
  public int setStatus(List<String> ids, String status, String reason) {
    if (ids.isEmpty()) {
      return 0;
    }
    return db.jdbi()
        .withHandle(
            h ->
                h.createUpdate(
                        "UPDATE ingest_sources SET status = :status, paused_reason = :reason,"
                            + " updated_at = :now WHERE id IN (<ids>)")
                    .bind("status", status)
                    .bind("reason", Source.PAUSED.equals(status) ? reason : null)
                    .bind("now", clock.millis())
                    .bindList("ids", ids)
                    .execute());
  }

  /** Health and scheduling after a run finished. */
  public void recordRun(
      String id,
      String runId,
      long finishedAt,
      boolean success,
      long nextRunAt,
      double quality,
      double stale,
      double errorRate) {
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "UPDATE ingest_sources SET last_run_id = :run, last_run_at = :at,"
                            + " last_success_at = CASE WHEN :ok THEN :at ELSE last_success_at END,"
                            + " next_run_at = :next, quality_score = :q, stale_share = :s,"
                            + " error_rate = :e, updated_at = :at WHERE id = :id")
                    .bind("run", runId)
                    .bind("at", finishedAt)
                    .bind("ok", success)
                    .bind("next", nextRunAt)
                    .bind("q", quality)
                    .bind("s", stale)
                    .bind("e", errorRate)
                    .bind("id", id)
                    .execute());
  }

  /** Active, fetchable sources whose next run time has come (or that never ran). */
  public List<Source> due(long now) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT * FROM ingest_sources WHERE status = 'active' AND kind <> 'push'"
                            + " AND (next_run_at IS NULL OR next_run_at <= :now) ORDER BY id")
                    .bind("now", now)
                    .map((rs, ctx) -> map(rs))
                    .list());
  }

  static Source map(ResultSet rs) throws SQLException {
    return new Source(
        rs.getString("id"),
        SourceKind.parse(rs.getString("kind")).orElse(SourceKind.PUSH),
        rs.getString("url"),
        rs.getString("country_code"),
        rs.getString("region"),
        rs.getString("currency"),
        rs.getInt("interval_minutes"),
        options(rs.getString("options")),
        rs.getString("status"),
        rs.getString("paused_reason"),
        dbl(rs, "quality_score"),
        dbl(rs, "stale_share"),
        dbl(rs, "error_rate"),
        rs.getString("last_run_id"),
        lng(rs, "last_run_at"),
        lng(rs, "last_success_at"),
        lng(rs, "next_run_at"),
        rs.getLong("created_at"));
  }

  private static Double dbl(ResultSet rs, String col) throws SQLException {
    double v = rs.getDouble(col);
    return rs.wasNull() ? null : v;
  }

  private static Long lng(ResultSet rs, String col) throws SQLException {
    long v = rs.getLong(col);
    return rs.wasNull() ? null : v;
  }

  private static Map<String, Object> options(String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    try {
      return Json.mapper().readValue(json, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      return Map.of();
    }
  }

  private static String json(Map<String, Object> options) {
    try {
      return options == null || options.isEmpty()
          ? null
          : Json.mapper().writeValueAsString(options);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
