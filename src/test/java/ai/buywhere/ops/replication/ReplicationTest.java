package ai.buywhere.ops.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ai.buywhere.app.Settings;
import ai.buywhere.store.Database;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Against a real primary and streaming replica (see {@link ScratchCluster}): status and lag, read
 * routing and its fall-back, and promotion. Ordered: the last test promotes the replica.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicationTest {
  ScratchCluster cluster;
  ReplicationConfig config;
  Database primaryDb;

  @BeforeAll
  void startCluster() throws Exception {
    cluster = new ScratchCluster();
    config =
        ReplicationConfig.from(
            Settings.of(
                Map.of(
                    "DATABASE_URL",
                    cluster.url(cluster.primaryPort),
                    "DATABASE_REPLICA_URL",
                    cluster.url(cluster.replicaPort),
                    "REPLICA_MAX_LAG_SECONDS",
                    "2",
                    "REPLICATION_PROBE_TIMEOUT_SECONDS",
                    "2"),
                Map.of()),
            Path.of("."));
    primaryDb = Database.open(config.primary(), "repl-test-primary");
    primaryDb.jdbi().useHandle(h -> h.execute("CREATE TABLE t (id INT PRIMARY KEY, v TEXT)"));
  }

  @AfterAll
  void stopCluster() throws Exception {
    if (primaryDb != null) {
      primaryDb.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  private static long count(Jdbi jdbi) {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM t").mapTo(Long.class).one());
  }

  private static boolean inRecovery(Jdbi jdbi) {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT pg_is_in_recovery()").mapTo(Boolean.class).one());
  }

  @Test
  @Order(1)
  void statusReportsRolesLagAndSlot() {
    primaryDb.jdbi().useHandle(h -> h.execute("INSERT INTO t VALUES (1, 'a'), (2, 'b')"));
    ReplicationService service = new ReplicationService(config);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    service.registerMetrics(registry);
    assertThat(registry.get("pg.replication.status").gauge().value()).isZero();

    await().atMost(Duration.ofSeconds(30)).until(() -> service.status().healthy());
    ReplicationStatus s = service.status();
    assertThat(s.primary().role()).isEqualTo("primary");
    assertThat(s.primary().senders()).hasSize(1);
    assertThat(s.primary().slots())
        .singleElement()
        .satisfies(slot -> assertThat(slot.name()).isEqualTo("bw_replica"))
        .satisfies(slot -> assertThat(slot.active()).isTrue());
    assertThat(s.replica()).get().satisfies(r -> assertThat(r.role()).isEqualTo("replica"));
    assertThat(s.replica().get().walReceiver()).isEqualTo("streaming");
    assertThat(s.lagSeconds()).isBetween(0.0, 2.0);
    assertThat(registry.get("pg.replication.status").gauge().value()).isEqualTo(1);
    assertThat(registry.get("pg.replication.lag.seconds").gauge().value()).isBetween(0.0, 2.0);
  }

  @Test
  @Order(2)
  void readsGoToTheReplicaWhileItKeepsUpAndFallBackWhenItLags() throws Exception {
    try (ReadRouting routing = ReadRouting.open(primaryDb, config)) {
      assertThat(routing.forRead()).isSameAs(routing.primary());
      routing.refresh();
      assertThat(routing.usingReplica()).isTrue();
      assertThat(inRecovery(routing.forRead())).isTrue();
      await().atMost(Duration.ofSeconds(30)).until(() -> count(routing.forRead()) == 2);

      // Pause replay: received-but-unreplayed WAL makes the lag grow past the 2 s bound.
      Jdbi replica = Jdbi.create(cluster.url(cluster.replicaPort));
      replica.useHandle(h -> h.execute("SELECT pg_wal_replay_pause()"));
      try {
        primaryDb.jdbi().useHandle(h -> h.execute("INSERT INTO t VALUES (3, 'c')"));
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(250))
            .untilAsserted(
                () -> {
                  routing.refresh();
                  assertThat(routing.usingReplica()).isFalse();
                });
        assertThat(routing.lastLagSeconds()).isGreaterThanOrEqualTo(2.0);
        assertThat(count(routing.forRead())).isEqualTo(3);
      } finally {
        replica.useHandle(h -> h.execute("SELECT pg_wal_replay_resume()"));
      }
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                routing.refresh();
                assertThat(routing.usingReplica()).isTrue();
              });
      assertThat(count(routing.forRead())).isEqualTo(3);

      // A stopped replica: reads fall back to the primary.
      cluster.stop(cluster.replica());
      routing.refresh();
      assertThat(routing.usingReplica()).isFalse();
      assertThat(count(routing.forRead())).isEqualTo(3);
      assertThat(new ReplicationService(config).status().healthy()).isFalse();
      cluster.start(cluster.replica(), cluster.replicaPort);
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                routing.refresh();
                assertThat(routing.usingReplica()).isTrue();
              });
    }
  }

  @Test
  @Order(3)
  void promoteRefusesWhileThePrimaryAnswersThenPromotes() throws Exception {
    ReplicationService service = new ReplicationService(config);
    assertThatThrownBy(() -> service.promote(false))
        .isInstanceOf(ReplicationException.class)
        .hasMessageContaining("still answers");
    await().atMost(Duration.ofSeconds(30)).until(() -> service.status().healthy());

    primaryDb.close();
    primaryDb = null;
    cluster.stop(cluster.primary());
    ReplicationStatus down = service.status();
    assertThat(down.primary().reachable()).isFalse();
    assertThat(down.healthy()).isFalse();

    ReplicationService.PromoteResult r = service.promote(false);
    assertThat(r.newPrimaryUrl()).contains(":" + cluster.replicaPort + "/");
    assertThat(r.advice()).contains("DATABASE_URL");
    Jdbi promoted = Jdbi.create(cluster.url(cluster.replicaPort));
    assertThat(inRecovery(promoted)).isFalse();
    promoted.useHandle(h -> h.execute("INSERT INTO t VALUES (4, 'd')"));
    assertThat(count(promoted)).isEqualTo(4);
    assertThatThrownBy(() -> service.promote(false))
        .isInstanceOf(ReplicationException.class)
        .hasMessageContaining("already a primary");
  }
}
