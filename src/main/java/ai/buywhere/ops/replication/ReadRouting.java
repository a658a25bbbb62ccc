package ai.buywhere.ops.replication;

import ai.buywhere.store.Database;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out the Jdbi for read-only queries: the replica's while it answers as a replica with lag
 * under the bound ({@code REPLICA_MAX_LAG_SECONDS}), the primary's otherwise. The decision is made
 * by {@link #refresh} (a short-timeout probe connection, not the pool) and read lock-free by {@link
 * #forRead}; {@link #start} repeats the probe every {@code REPLICA_CHECK_INTERVAL_SECONDS}. Until
 * the first probe succeeds, reads go to the primary. Writes always use {@link #primary}.
 */
public final class ReadRouting implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReadRouting.class);

  private final Jdbi primary;
  private final Database replicaDb;
  private final PgEndpoint probe;
  private final Duration maxLag;
  private final Duration interval;
  private volatile boolean useReplica;
  private volatile double lastLag = -1;
  private ScheduledExecutorService executor;

  private ReadRouting(
      Jdbi primary, Database replicaDb, PgEndpoint probe, Duration maxLag, Duration interval) {
    this.primary = primary;
    this.replicaDb = replicaDb;
    this.probe = probe;
    this.maxLag = maxLag;
    this.interval = interval;
  }

  /** Routing for the primary and, when {@code DATABASE_REPLICA_URL} is set, its replica. */
  public static ReadRouting open(Database primary, ReplicationConfig config) {
    if (config.replica().isEmpty()) {
      return new ReadRouting(primary.jdbi(), null, null, config.maxLag(), config.checkInterval());
    }
    Database replica = Database.open(config.replica().get(), "buywhere-replica");
    return new ReadRouting(
        primary.jdbi(),
        replica,
        config.replicaEndpoint().orElseThrow(),
        config.maxLag(),
        config.checkInterval());
  }

  /** The Jdbi for a read-only query. */
  public Jdbi forRead() {
    return useReplica ? replicaDb.jdbi() : primary;
  }

  public Jdbi primary() {
    return primary;
  }

  public boolean usingReplica() {
    return useReplica;
  }

  /** The lag the last probe saw, or -1. */
  public double lastLagSeconds() {
    return lastLag;
  }

  /** Probes the replica now and switches routing accordingly. */
  public void refresh() {
    if (probe == null) {
      return;
    }
    ServerStatus s = ReplicaProbe.probe(probe);
    Optional<Double> lag =
        Optional.ofNullable(s.reachable() && "replica".equals(s.role()) ? s.lagSeconds() : null);
    boolean ok = lag.isPresent() && lag.get() * 1000 < maxLag.toMillis();
    lastLag = lag.orElse(-1.0);
    if (ok != useReplica) {
      log.info(
          "read routing: {} (replica {}, lag {})",
          ok ? "replica" : "primary",
          s.reachable() ? s.role() : "unreachable",
          lag.map(String::valueOf).orElse("unknown"));
    }
    useReplica = ok;
  }

  /** Starts probing on a daemon thread; no-op without a replica. */
  public synchronized void start() {
    if (probe == null || executor != null) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "read-routing-probe");
              t.setDaemon(true);
              return t;
            });
    executor.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
    if (replicaDb != null) {
      replicaDb.close();
    }
  }
}
