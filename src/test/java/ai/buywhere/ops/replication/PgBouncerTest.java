package ai.buywhere.ops.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.buywhere.catalog.CatalogRepository;
import ai.buywhere.catalog.CatalogWriter;
import ai.buywhere.catalog.FxRates;
import ai.buywhere.catalog.ProductInput;
import ai.buywhere.store.Database;
import ai.buywhere.store.DatabaseConfig;
import ai.buywhere.store.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The catalog write and read paths through the Debian {@code pgbouncer} in transaction pooling mode
 * in front of the local PostgreSQL, with fewer server connections than clients, and the pool gauges
 * read from its admin console.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PgBouncerTest {
  Path dir;
  int port;
  Process bouncer;

  @BeforeAll
  void startPgBouncer() throws Exception {
    dir = Files.createTempDirectory("bw-pgb-");
    port = ScratchCluster.freePort();
    Files.writeString(dir.resolve("userlist.txt"), "\"postgres\" \"\"\n");
    Files.writeString(
        dir.resolve("pgbouncer.ini"),
        String.join(
            "\n",
            "[databases]",
            "* = host=127.0.0.1 port=5432",
            "[pgbouncer]",
            "listen_addr = 127.0.0.1",
            "listen_port = " + port,
            "unix_socket_dir =",
            "auth_type = trust",
            "auth_file = " + dir.resolve("userlist.txt"),
            "admin_users = postgres",
            "stats_users = postgres",
            "pool_mode = transaction",
            "default_pool_size = 2",
            "max_client_conn = 200",
            "ignore_startup_parameters = extra_float_digits,options",
            "logfile = " + dir.resolve("pgbouncer.log"),
            ""));
    ScratchCluster.run("chown", "-R", "postgres:postgres", dir.toString());
    bouncer =
        new ProcessBuilder(
                "runuser",
                "-u",
                "postgres",
                "--",
                "/usr/sbin/pgbouncer",
                dir.resolve("pgbouncer.ini").toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("stdout.log").toFile())
            .start();
    await()
        .atMost(Duration.ofSeconds(20))
        .ignoreExceptions()
        .until(
            () -> {
              try (Socket s = new Socket("127.0.0.1", port)) {
                return true;
              }
            });
  }

  @AfterAll
  void stopPgBouncer() throws Exception {
    if (bouncer != null) {
      bouncer.descendants().forEach(ProcessHandle::destroy);
      bouncer.destroy();
      bouncer.waitFor();
    }
    ScratchCluster.run("rm", "-rf", dir.toString());
  }

  @Test
  void catalogWritesAndReadsWorkInTransactionPoolingMode() throws Exception {
    try (var created = TestDatabases.postgres()) {
      DatabaseConfig viaBouncer =
          DatabaseConfig.parse(
              "test",
              "jdbc:postgresql://127.0.0.1:" + port + "/" + created.pgName() + "?user=postgres",
              8);
      try (Database db = Database.open(viaBouncer, "via-pgbouncer").migrate()) {
        CatalogWriter writer = new CatalogWriter(db, FxRates.defaults(), Clock.systemUTC(), 25);
        CatalogRepository repo = new CatalogRepository(db);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> jobs = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          int thread = t;
          jobs.add(
              pool.submit(
                  () -> {
                    for (int round = 0; round < 5; round++) {
                      List<ProductInput> chunk = new ArrayList<>();
                      for (int i = 0; i < 25; i++) {
                        chunk.add(
                            ProductInput.builder("p" + thread + "-" + i, "shop" + thread)
                                .title("Pooled product " + i)
                                .price(String.valueOf(10 + round))
                                .currency("USD")
                                .countryCode("US")
                                .build());
                      }
                      writer.write(chunk);
                      // Same statement many times: would break with server-side prepares.
                      assertThat(repo.countActive()).isGreaterThanOrEqualTo(25);
                    }
                    return null;
                  }));
        }
        for (Future<?> f : jobs) {
          f.get();
        }
        pool.shutdown();
        assertThat(repo.countActive()).isEqualTo(100);
        assertThat(repo.currentSeq()).isEqualTo(100 + 4 * 4 * 25);
        assertThat(repo.changesSince(0, 1000)).hasSize(100);
      }

      PgBouncerMetrics metrics =
          new PgBouncerMetrics(
              DatabaseConfig.parse(
                  "PGBOUNCER_ADMIN_URL",
                  "postgresql://postgres@127.0.0.1:" + port + "/pgbouncer",
                  1),
              "psql");
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      metrics.register(registry);
      List<PgBouncerMetrics.Pool> pools = metrics.refresh();
      PgBouncerMetrics.Pool ours =
          pools.stream()
              .filter(p -> p.database().equals(created.pgName()))
              .findFirst()
              .orElseThrow();
      assertThat(ours.mode()).isEqualTo("transaction");
      assertThat(ours.poolSize()).isEqualTo(2);
      assertThat(ours.serverActive() + ours.serverIdle()).isBetween(1, 2);
      double usage =
          registry
              .get("pgbouncer.pool.usage.ratio")
              .tag("database", created.pgName())
              .gauge()
              .value();
      assertThat(usage).isBetween(0.0, 1.0);
      assertThat(
              registry
                  .get("pgbouncer.pool.server.idle")
                  .tag("database", created.pgName())
                  .gauge()
                  .value())
          .isEqualTo(ours.serverIdle());
    }
  }
}
