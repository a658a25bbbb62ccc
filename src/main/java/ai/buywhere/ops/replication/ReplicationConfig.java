package ai.buywhere.ops.replication;

import ai.buywhere.app.Settings;
import ai.buywhere.store.DatabaseConfig;
import ai.buywhere.store.Dialect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code DATABASE_URL} (primary), {@code DATABASE_REPLICA_URL}, {@code REPLICA_MAX_LAG_SECONDS}
 * (default 30), {@code REPLICA_CHECK_INTERVAL_SECONDS} (default 5), {@code
 * REPLICATION_PROBE_TIMEOUT_SECONDS} (default 3), {@code PGBOUNCER_ADMIN_URL} (the {@code
 * pgbouncer} admin database, e.g. {@code postgresql://pgbouncer@host:6432/pgbouncer}), read with
 * {@code psql} ({@code PSQL_PATH}, default from PATH).
 */
public record ReplicationConfig(
    DatabaseConfig primary,
    Optional<DatabaseConfig> replica,
    Duration maxLag,
    Duration checkInterval,
    int probeTimeoutSeconds,
    Optional<DatabaseConfig> pgbouncerAdmin,
    String psqlPath) {

  public static ReplicationConfig from(Settings s, Path dataDir) {
    DatabaseConfig primary = DatabaseConfig.from(s, dataDir);
    Optional<DatabaseConfig> replica =
        s.get("DATABASE_REPLICA_URL").map(u -> DatabaseConfig.parse("DATABASE_REPLICA_URL", u, 4));
    replica.ifPresent(
        r -> {
          if (r.dialect() != Dialect.POSTGRESQL || primary.dialect() != Dialect.POSTGRESQL) {
            throw new ai.buywhere.app.ConfigException(
                "DATABASE_REPLICA_URL needs DATABASE_URL and the replica to be PostgreSQL");
          }
        });
    return new ReplicationConfig(
        primary,
        replica,
        Duration.ofSeconds(s.getInt("REPLICA_MAX_LAG_SECONDS", 30, 0, 86_400)),
        Duration.ofSeconds(s.getInt("REPLICA_CHECK_INTERVAL_SECONDS", 5, 1, 3_600)),
        s.getInt("REPLICATION_PROBE_TIMEOUT_SECONDS", 3, 1, 60),
        s.get("PGBOUNCER_ADMIN_URL").map(u -> DatabaseConfig.parse("PGBOUNCER_ADMIN_URL", u, 1)),
        s.get("PSQL_PATH", "psql"));
  }

  /** Pool gauges when {@code PGBOUNCER_ADMIN_URL} is set. */
  public Optional<PgBouncerMetrics> pgBouncerMetrics() {
    return pgbouncerAdmin.map(a -> new PgBouncerMetrics(a, psqlPath));
  }

  PgEndpoint primaryEndpoint() {
    return new PgEndpoint("primary", primary, probeTimeoutSeconds);
  }

  Optional<PgEndpoint> replicaEndpoint() {
    return replica.map(r -> new PgEndpoint("replica", r, probeTimeoutSeconds));
  }
}
