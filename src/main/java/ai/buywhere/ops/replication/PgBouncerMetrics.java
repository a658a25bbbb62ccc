package ai.buywhere.ops.replication;

import ai.buywhere.store.DatabaseConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * PgBouncer pool gauges from its admin console ({@code PGBOUNCER_ADMIN_URL}): per database and
 * user, {@code pgbouncer_pool_client_active}, {@code pgbouncer_pool_client_waiting}, {@code
 * pgbouncer_pool_server_active}, {@code pgbouncer_pool_server_idle} and {@code
 * pgbouncer_pool_usage_ratio} (server connections in use / the database's pool size), the number
 * the runbook's "PgBouncer pool usage" threshold watches. Call {@link #refresh} on a schedule.
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
  private final String psql;
  private MultiGauge clientActive;
  private MultiGauge clientWaiting;
  private MultiGauge serverActive;
  private MultiGauge serverIdle;
  private MultiGauge usage;

  /**
   * {@code psql} is the client binary used for the admin console ({@code PSQL_PATH}, or "psql").
   */
  public PgBouncerMetrics(DatabaseConfig admin, String psql) {
    this.admin = admin;
    this.psql = psql;
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
    Map<String, Integer> sizes = new HashMap<>();
    for (Map<String, String> row : show("DATABASES")) {
      sizes.put(row.get("name"), parseInt(row.get("pool_size")));
    }
    List<Pool> pools = new ArrayList<>();
    for (Map<String, String> row : show("POOLS")) {
      String db = row.get("database");
      pools.add(
          new Pool(
              db,
              row.get("user"),
              parseInt(row.get("cl_active")),
              parseInt(row.get("cl_waiting")),
              parseInt(row.get("sv_active")),
              parseInt(row.get("sv_idle")),
              sizes.getOrDefault(db, 0),
              row.get("pool_mode")));
    }
    return pools;
  }

  private static int parseInt(String s) {
    try {
      return s == null || s.isBlank() ? 0 : Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * Runs {@code SHOW what} on the admin console through {@code psql} ({@code PSQL_PATH} or on
   * PATH). Not JDBC: the driver sends {@code SET extra_float_digits} to a server reporting a
   * version below 9.0, which PgBouncer's admin console takes as a config change and rejects.
   */
  private List<Map<String, String>> show(String what) {
    URI uri = URI.create(admin.jdbcUrl().substring("jdbc:".length()));
    Map<String, String> env = new HashMap<>();
    env.put("PGHOST", uri.getHost());
    env.put("PGPORT", String.valueOf(uri.getPort() > 0 ? uri.getPort() : 6432));
    env.put("PGDATABASE", "pgbouncer");
    env.put("PGCONNECT_TIMEOUT", "3");
    String user = admin.user();
    if (user == null && uri.getRawQuery() != null) {
      for (String kv : uri.getRawQuery().split("&")) {
        if (kv.startsWith("user=")) {
          user = kv.substring(5);
        }
      }
    }
    if (user != null) {
      env.put("PGUSER", user);
    }
    if (admin.password() != null) {
      env.put("PGPASSWORD", admin.password());
    }
    List<String> cmd =
        List.of(psql, "-X", "-A", "-F", "\t", "-P", "footer=off", "-c", "SHOW " + what);
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
      pb.environment().putAll(env);
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new ReplicationException(
            "cannot read SHOW " + what + " from " + admin.displayUrl() + ": " + out.strip());
      }
      List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
      List<Map<String, String>> rows = new ArrayList<>();
      if (lines.isEmpty()) {
        return rows;
      }
      String[] header = lines.get(0).split("\t", -1);
      for (String line : lines.subList(1, lines.size())) {
        String[] cells = line.split("\t", -1);
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < header.length && i < cells.length; i++) {
          row.put(header[i], cells[i]);
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new ReplicationException("cannot run " + psql + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReplicationException("interrupted while reading SHOW " + what);
    }
  }
}
