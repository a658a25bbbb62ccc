package ai.buywhere.ops.alerts;

import ai.buywhere.ops.alerts.AlertState.Phase;
import ai.buywhere.shared.Json;
import ai.buywhere.store.Database;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The {@code alert_states} table. Transitions are compare-and-set updates ({@code WHERE state =
 * expected}) returning whether this caller won, so only one evaluator (of several nodes, or a
 * restarted one) announces each transition.
 */
public final class AlertStateRepository {
  private final Database db;

  public AlertStateRepository(Database db) {
    this.db = db;
  }

  public List<AlertState> all() {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT * FROM alert_states ORDER BY rule, level, alert_key")
                    .map(AlertStateRepository::map)
                    .list());
  }

  /** Inserts a new pending (or immediately firing) state unless an active one exists. */
  boolean start(AlertState s) {
    return db.jdbi()
            .withHandle(
                h ->
                    h.createUpdate(
                            "INSERT INTO alert_states (alert_key, rule, level, labels, state, value,"
                                + " active_since, fired_at, resolved_at, updated_at) VALUES (:key,"
                                + " :rule, :level, :labels, :state, :value, :since, :fired, NULL,"
                                + " :now) ON CONFLICT (alert_key) DO UPDATE SET state = :state,"
                                + " value = :value, active_since = :since, fired_at = :fired,"
                                + " resolved_at = NULL, updated_at = :now WHERE alert_states.state"
                                + " = 'resolved'")
                        .bind("key", s.key())
                        .bind("rule", s.rule())
                        .bind("level", s.level().wire())
                        .bind("labels", labelsJson(s.labels()))
                        .bind("state", s.phase().wire())
                        .bind("value", finite(s.value()))
                        .bind("since", s.activeSince())
                        .bind("fired", s.firedAt())
                        .bind("now", s.updatedAt())
                        .execute())
        == 1;
  }

  /** Moves {@code key} from {@code from} to the given state; false when another caller moved it. */
  boolean transition(Phase from, AlertState to) {
    return db.jdbi()
            .withHandle(
                h ->
                    h.createUpdate(
                            "UPDATE alert_states SET state = :state, value = :value, fired_at ="
                                + " :fired, resolved_at = :resolved, updated_at = :now WHERE"
                                + " alert_key = :key AND state = :from")
                        .bind("state", to.phase().wire())
                        .bind("value", finite(to.value()))
                        .bind("fired", to.firedAt())
                        .bind("resolved", to.resolvedAt())
                        .bind("now", to.updatedAt())
                        .bind("key", to.key())
                        .bind("from", from.wire())
                        .execute())
        == 1;
  }

  /** Drops a pending state whose breach ended before {@code for} elapsed. */
  void cancelPending(String key) {
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "DELETE FROM alert_states WHERE alert_key = :key AND state = 'pending'")
                    .bind("key", key)
                    .execute());
  }

  /** Forgets resolved alerts older than {@code beforeMillis}. */
  void pruneResolved(long beforeMillis) {
    db.jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "DELETE FROM alert_states WHERE state = 'resolved' AND resolved_at < :t")
                    .bind("t", beforeMillis)
                    .execute());
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  static String labelsJson(Map<String, String> labels) {
    try {
      return Json.mapper().writeValueAsString(new TreeMap<>(labels));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static AlertState map(ResultSet rs, StatementContext ctx) throws SQLException {
    Map<String, String> labels;
    try {
      labels =
          Json.mapper()
              .readValue(rs.getString("labels"), new TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new SQLException("bad labels JSON in alert_states", e);
    }
    double value = rs.getDouble("value");
    if (rs.wasNull()) {
      value = Double.NaN;
    }
    long fired = rs.getLong("fired_at");
    Long firedAt = rs.wasNull() ? null : fired;
    long resolved = rs.getLong("resolved_at");
    Long resolvedAt = rs.wasNull() ? null : resolved;
    return new AlertState(
        rs.getString("alert_key"),
        rs.getString("rule"),
        AlertRule.Level.valueOf(rs.getString("level").toUpperCase(Locale.ROOT)),
        labels,
        Phase.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)),
        value,
        rs.getLong("active_since"),
        firedAt,
        resolvedAt,
        rs.getLong("updated_at"));
  }
}
