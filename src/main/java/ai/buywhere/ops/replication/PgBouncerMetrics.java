package ai.buywhere.ops.replication;

import ai.buywhere.store.DatabaseConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * PgBouncer pool gauges from its admin console ({@code PGBOUNCER_ADMIN_URL}): per database and
 * user, {@code pgbouncer_pool_client_active}, {@code pgbouncer_pool_client_waiting}, {@code
 * pgbouncer_pool_server_active}, {@code pgbouncer_pool_server_idle} and {@code
 * pgbouncer_pool_usage_ratio} (server connections in use / the database's pool size), the number
 * the runbook's "PgBouncer pool usage" threshold watches. The admin console only speaks the simple
 * query protocol, hence {@code preferQueryMode=simple}. Call {@link #refresh} on a schedule.
 */
public final class PgBouncerMetrics {
  /** One row of {@code SHOW POOLS}, joined with the pool size from {@code SHOW DATABASES}. */
  public record Pool(
      String database,
      String user,
      int clientActive,
      int clientWaiting,
      int serverActive,
      int serverIdle,
      int poolSize,
      String mode) {
    public double usage() {
      return poolSize <= 0 ? 0 : (double) serverActive / poolSize;
    }
  }

  private final DatabaseConfig admin;
  private MultiGauge clientActive;
  private MultiGauge clientWaiting;
  private MultiGauge serverActive;
  private MultiGauge serverIdle;
  private MultiGauge usage;

  public PgBouncerMetrics(DatabaseConfig admin) {
    this.admin = admin;
  }

  public void register(MeterRegistry registry) {
    clientActive =
        MultiGauge.builder("pgbouncer.pool.client.active")
            .description("Client connections linked to a server connection")
            .register(registry);
    clientWaiting =
        MultiGauge.builder("pgbouncer.pool.client.waiting")
            .description("Client connections waiting for a server connection")
            .register(registry);
    serverActive =
        MultiGauge.builder("pgbouncer.pool.server.active")
            .description("Server connections in use by a client")
            .register(registry);
    serverIdle =
        MultiGauge.builder("pgbouncer.pool.server.idle")
            .description("Server connections idle and ready")
            .register(registry);
    usage =
        MultiGauge.builder("pgbouncer.pool.usage.ratio")
            .description("Server connections in use divided by the pool size")
            .register(registry);
  }

  /** Reads SHOW POOLS / SHOW DATABASES and updates the gauges; returns the pools. */
  public List<Pool> refresh() {
    List<Pool> pools = read();
    if (usage != null) {
      update(clientActive, pools, p -> p.clientActive());
      update(clientWaiting, pools, p -> p.clientWaiting());
      update(serverActive, pools, p -> p.serverActive());
      update(serverIdle, pools, p -> p.serverIdle());
      update(usage, pools, Pool::usage);
    }
    return pools;
  }

  private static void update(
      MultiGauge g, List<Pool> pools, java.util.function.ToDoubleFunction<Pool> f) {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    for (Pool p : pools) {
      rows.add(
          MultiGauge.Row.of(
              Tags.of("database", p.database(), "user", p.user()), f.applyAsDouble(p)));
    }
    g.register(rows, true);
  }

  List<Pool> read() {
    Properties props = new Properties();
    if (admin.user() != null) {
      props.setProperty("user", admin.user());
    }
    if (admin.password() != null) {
      props.setProperty("password", admin.password());
    }
    props.setProperty("preferQueryMode", "simple");
    props.setProperty("connectTimeout", "3");
    props.setProperty("assumeMinServerVersion", "9.0");
    try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), props);
        Statement st = c.createStatement()) {
      Map<String, Integer> sizes = new HashMap<>();
      try (ResultSet rs = st.executeQuery("SHOW DATABASES")) {
        while (rs.next()) {
          sizes.put(rs.getString("name"), rs.getInt("pool_size"));
        }
      }
      List<Pool> pools = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("SHOW POOLS")) {
        while (rs.next()) {
          String db = rs.getString("database");
          pools.add(
              new Pool(
                  db,
                  rs.getString("user"),
                  rs.getInt("cl_active"),
                  rs.getInt("cl_waiting"),
                  rs.getInt("sv_active"),
                  rs.getInt("sv_idle"),
                  sizes.getOrDefault(db, 0),
                  rs.getString("pool_mode")));
        }
      }
      return pools;
    } catch (SQLException e) {
      throw new ReplicationException(
          "cannot read SHOW POOLS from " + admin.displayUrl() + ": " + e.getMessage());
    }
  }
}
