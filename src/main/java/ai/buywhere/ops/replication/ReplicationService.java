package ai.buywhere.ops.replication;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Replication health and failover. {@link #status} probes both servers (and remembers the result
 * for the {@code pg_replication_lag_seconds} / {@code pg_replication_status} gauges); {@link
 * #promote} turns the replica into a primary with {@code pg_promote()}. Thread-safe.
 */
public final class ReplicationService {
  private final ReplicationConfig config;
  private volatile ReplicationStatus last;

  public ReplicationService(ReplicationConfig config) {
    this.config = config;
  }

  public ReplicationStatus status() {
    ServerStatus primary = ReplicaProbe.probe(config.primaryEndpoint());
    Optional<ServerStatus> replica = config.replicaEndpoint().map(ReplicaProbe::probe);
    ReplicationStatus s =
        ReplicationStatus.of(primary, replica, config.maxLag().toMillis() / 1000.0);
    last = s;
    return s;
  }

  /**
   * Registers {@code pg_replication_lag_seconds} (-1 unknown) and {@code pg_replication_status} (1
   * healthy, 0 not); they report the last {@link #status} call, which the caller repeats on a
   * schedule.
   */
  public void registerMetrics(MeterRegistry registry) {
    Gauge.builder(
            "pg.replication.lag.seconds", this, s -> s.last == null ? -1 : s.last.lagSeconds())
        .description("Replica replay lag in seconds; -1 when unknown or no replica")
        .register(registry);
    Gauge.builder("pg.replication.status", this, s -> s.last != null && s.last.healthy() ? 1 : 0)
        .description("1 when the primary and a streaming replica within the lag bound answer")
        .register(registry);
  }

  /** What a successful promotion means for the operator. */
  public record PromoteResult(String newPrimaryUrl, String advice) {}

  /**
   * Promotes the replica. Refuses while the old primary still answers (two primaries would accept
   * diverging writes) unless {@code force}.
   */
  public PromoteResult promote(boolean force) {
    PgEndpoint replica =
        config
            .replicaEndpoint()
            .orElseThrow(
                () ->
                    new ReplicationException(
                        "DATABASE_REPLICA_URL is not set: nothing to promote"));
    PgEndpoint primary = config.primaryEndpoint();
    if (!force && primary.isReady()) {
      throw new ReplicationException(
          "the primary at "
              + primary.displayUrl()
              + " still answers; promoting now would leave two primaries. Stop it first,"
              + " or pass --force if it is isolated from clients");
    }
    try (Connection c = replica.connect();
        Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT pg_is_in_recovery()")) {
        rs.next();
        if (!rs.getBoolean(1)) {
          throw new ReplicationException(
              "the server at "
                  + replica.displayUrl()
                  + " is already a primary; point DATABASE_URL at it");
        }
      }
      try (ResultSet rs = st.executeQuery("SELECT pg_promote(true, 60)")) {
        rs.next();
        if (!rs.getBoolean(1)) {
          throw new ReplicationException(
              "pg_promote did not finish within 60 s on " + replica.displayUrl());
        }
      }
    } catch (SQLException e) {
      throw new ReplicationException(
          "cannot promote the replica at " + replica.displayUrl() + ": " + e.getMessage());
    }
    return new PromoteResult(
        replica.displayUrl(),
        "Set DATABASE_URL to the replica's URL (the DATABASE_REPLICA_URL value, "
            + replica.displayUrl()
            + "), unset DATABASE_REPLICA_URL, restart the API and workers, and provision a new"
            + " replica of the new primary.");
  }
}
