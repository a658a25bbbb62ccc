package ai.buywhere.ops.replication;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads role, lag, senders and slots from one server. Lag is {@code now() -
 * pg_last_xact_replay_timestamp()} only while the replica has received WAL it has not replayed;
 * when receive and replay positions are equal it is 0, so an idle primary does not look like lag.
 */
final class ReplicaProbe {
  private ReplicaProbe() {}

  private static final String REPLICA_SQL =
      "SELECT pg_is_in_recovery(),"
          + " CASE WHEN NOT pg_is_in_recovery() THEN NULL"
          + " WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0"
          + " ELSE COALESCE(EXTRACT(EPOCH FROM (now() - pg_last_xact_replay_timestamp())), 0)"
          + " END,"
          + " (SELECT status FROM pg_stat_wal_receiver LIMIT 1)";

  static ServerStatus probe(PgEndpoint e) {
    try (Connection c = e.connect();
        Statement st = c.createStatement()) {
      boolean recovery;
      Double lag;
      String receiver;
      try (ResultSet rs = st.executeQuery(REPLICA_SQL)) {
        rs.next();
        recovery = rs.getBoolean(1);
        double l = rs.getDouble(2);
        lag = rs.wasNull() ? null : Math.max(0, l);
        receiver = rs.getString(3);
      }
      List<ServerStatus.Sender> senders = new ArrayList<>();
      if (!recovery) {
        try (ResultSet rs =
            st.executeQuery(
                "SELECT application_name, client_addr::text, state,"
                    + " COALESCE(EXTRACT(EPOCH FROM replay_lag), 0) FROM pg_stat_replication"
                    + " ORDER BY application_name")) {
          while (rs.next()) {
            senders.add(
                new ServerStatus.Sender(
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4)));
          }
        }
      }
      List<ServerStatus.Slot> slots = new ArrayList<>();
      try (ResultSet rs =
          st.executeQuery(
              "SELECT slot_name, slot_type, active, wal_status FROM pg_replication_slots"
                  + " ORDER BY slot_name")) {
        while (rs.next()) {
          slots.add(
              new ServerStatus.Slot(
                  rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)));
        }
      }
      return new ServerStatus(
          e.name(),
          e.displayUrl(),
          true,
          recovery ? "replica" : "primary",
          lag,
          receiver,
          senders,
          slots,
          null);
    } catch (SQLException ex) {
      return ServerStatus.unreachable(e, ex.getMessage());
    }
  }
}
