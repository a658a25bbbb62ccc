package ai.buywhere.ops.backup;

import static ai.buywhere.ops.backup.BackupFixture.market;
import static ai.buywhere.ops.backup.BackupFixture.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.buywhere.catalog.Product;
import ai.buywhere.store.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BackupServiceTest {
  @TempDir Path dir;

  /** What a restore must bring back: the content of a row, not its bookkeeping. */
  record Row(String id, String sku, String title, String price, boolean active, String cc) {
    static Row of(Product p) {
      return new Row(
          p.id(),
          p.sku(),
          p.title(),
          p.price() == null ? null : p.price().stripTrailingZeros().toPlainString(),
          p.active(),
          p.countryCode());
    }
  }

  static List<Row> rows(List<Product> ps) {
    return ps.stream().map(Row::of).toList();
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void createsListsAndKeepsExactlyTheConfiguredCounts(Dialect dialect) {
    try (var f =
        new BackupFixture(
            dialect, dir, Map.of("BACKUP_RETENTION_HOURLY", "3", "BACKUP_RETENTION_DAILY", "2"))) {
      f.writer.write(market("US", 5, ".00"));
      List<String> hourly = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        hourly.add(f.service.create(BackupTier.HOURLY).id());
        f.clock.advance(Duration.ofHours(1));
      }
      for (int i = 0; i < 3; i++) {
        f.service.create(BackupTier.DAILY);
        f.clock.advance(Duration.ofDays(1));
      }
      List<BackupEntry> listed = f.service.list(Optional.of(BackupTier.HOURLY));
      assertThat(listed)
          .extracting(BackupEntry::id)
          .containsExactly(hourly.get(4), hourly.get(3), hourly.get(2));
      assertThat(f.service.list(Optional.of(BackupTier.DAILY))).hasSize(2);
      assertThat(f.service.list(Optional.empty())).hasSize(5);
      // Deleted backups leave no files behind.
      try (var files = Files.list(f.service.config().tierDir(BackupTier.HOURLY))) {
        assertThat(files.count()).isEqualTo(6);
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }
      BackupManifest m = listed.get(0).manifest();
      assertThat(m.tier()).isEqualTo("hourly");
      // the newest applied migration (other features add theirs, so not a fixed number)
      assertThat(m.schemaVersion())
          .isEqualTo(
              f.db
                  .jdbi()
                  .withHandle(
                      h ->
                          h.createQuery(
                                  "SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history")
                              .mapTo(String.class)
                              .one()));
      assertThat(m.tables().get("products").rows()).isEqualTo(5);
      assertThat(m.sha256()).hasSize(64).isEqualTo(BackupStore.sha256(listed.get(0).path()));
      assertThat(m.sourceDatabase()).doesNotContain("password");
      assertThat(f.service.verify(listed)).allMatch(VerificationResult::ok);
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void backupsTakenWhileWritesRunAreConsistent(Dialect dialect) throws Exception {
    try (var f = new BackupFixture(dialect, dir, Map.of("BACKUP_RETENTION_HOURLY", "10"))) {
      f.writer.write(market("US", 200, ".00"));
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService pool = Executors.newSingleThreadExecutor();
      Future<Integer> writes =
          pool.submit(
              () -> {
                int round = 0;
                while (!stop.get()) {
                  round++;
                  List<ai.buywhere.catalog.ProductInput> chunk = new ArrayList<>();
                  for (int i = 0; i < 50; i++) {
                    chunk.add(product("w" + round + "-" + i, "shop_sg", "SG", round + "." + i));
                  }
                  chunk.addAll(market("US", 50, "." + (round % 90 + 10)));
                  f.writer.write(chunk);
                }
                return round;
              });
      List<BackupEntry> taken = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        taken.add(f.service.create(BackupTier.HOURLY));
        f.clock.advance(Duration.ofMinutes(1));
      }
      stop.set(true);
      assertThat(writes.get()).isGreaterThan(0);
      pool.shutdown();
      for (VerificationResult r : f.service.verify(taken)) {
        assertThat(r.problems()).isEmpty();
      }
      // Each backup is one snapshot: SG products come in chunks of 50 written atomically.
      for (BackupEntry e : taken) {
        assertThat(e.manifest().tables().get("products").rows() % 50).isZero();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void verifyDetectsAFlippedByteAndWritesTheTextfile(Dialect dialect) throws Exception {
    try (var f = new BackupFixture(dialect, dir, Map.of())) {
      f.writer.write(market("US", 20, ".00"));
      BackupEntry e = f.service.create(BackupTier.DAILY);
      assertThat(f.service.verify(List.of(e)).get(0).ok()).isTrue();
      String prom = Files.readString(f.service.config().promFile());
      assertThat(prom)
          .contains("buywhere_backup_verification_failed{tier=\"daily\"} 0.0")
          .contains("buywhere_backup_exists{tier=\"daily\"} 1.0")
          .contains("buywhere_backup_exists{tier=\"hourly\"} 0.0")
          .contains("buywhere_backup_age_seconds{tier=\"daily\"} 0.0");

      byte[] bytes = Files.readAllBytes(e.path());
      bytes[bytes.length / 2] ^= 0x01;
      Files.write(e.path(), bytes);
      VerificationResult r = f.service.verify(f.service.resolve("daily")).get(0);
      assertThat(r.ok()).isFalse();
      assertThat(r.problems()).anyMatch(p -> p.contains("sha256"));
      assertThat(Files.readString(f.service.config().promFile()))
          .contains("buywhere_backup_verification_failed{tier=\"daily\"} 1.0");
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void verifyDetectsAMissingTable(Dialect dialect) throws Exception {
    try (var f = new BackupFixture(dialect, dir, Map.of())) {
      f.writer.write(market("US", 20, ".00"));
      BackupEntry e = f.service.create(BackupTier.DAILY);
      BackupTamper.dropTable(f, e, "categories");
      VerificationResult r = f.service.verify(f.service.resolve(e.id())).get(0);
      assertThat(r.ok()).isFalse();
      assertThat(r.problems()).contains("table categories is missing from the restored backup");
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void marketRestoreReplacesOnlyThatMarket(Dialect dialect) {
    try (var f = new BackupFixture(dialect, dir, Map.of())) {
      f.writer.write(market("US", 10, ".00"));
      f.writer.write(market("SG", 10, ".00"));
      BackupEntry good = f.service.create(BackupTier.DAILY);
      List<Row> usBefore = rows(f.all()).stream().filter(r -> r.cc().equals("US")).toList();
      long usHistory =
          f.count(
              "SELECT COUNT(*) FROM price_history ph JOIN products p ON p.id = ph.product_id"
                  + " WHERE p.country_code = 'US'");

      // Bad US ingestion: prices corrupted and a junk product; SG changes legitimately.
      f.writer.write(market("US", 10, ".99"));
      f.writer.write(List.of(product("junk", "shop_us", "US", "1.00")));
      f.writer.write(market("SG", 10, ".50"));
      List<Row> sgAfterIngest = rows(f.all()).stream().filter(r -> r.cc().equals("SG")).toList();
      long seqBefore = f.repo.currentSeq();
      String epochBefore = f.repo.epoch();

      assertThatThrownBy(() -> f.service.restore(good, Optional.of("usa"), true))
          .isInstanceOf(BackupException.class)
          .hasMessageContaining("--market");
      assertThat(f.service.list(Optional.of(BackupTier.SAFETY))).isEmpty();
      RestoreReport report = f.service.restore(good, Optional.of("us"), true);

      assertThat(report.restoredProducts()).isEqualTo(10);
      assertThat(report.reinsertedProducts()).isZero();
      assertThat(report.deactivatedProducts()).isEqualTo(1);
      assertThat(report.priceHistoryRestored()).isEqualTo((int) usHistory);
      List<Row> now = rows(f.all());
      assertThat(now.stream().filter(r -> r.cc().equals("SG")).toList()).isEqualTo(sgAfterIngest);
      assertThat(now.stream().filter(r -> r.cc().equals("US") && r.active()).toList())
          .isEqualTo(usBefore);
      assertThat(now).anyMatch(r -> r.sku().equals("junk") && !r.active());
      assertThat(
              f.count(
                  "SELECT COUNT(*) FROM price_history ph JOIN products p ON p.id = ph.product_id"
                      + " WHERE p.country_code = 'US'"))
          .isEqualTo(usHistory);
      // Running indexes see every restored row as a change; the epoch is kept.
      assertThat(f.repo.changesSince(seqBefore, 100)).hasSize(11);
      assertThat(f.repo.epoch()).isEqualTo(epochBefore);
      assertThat(f.service.list(Optional.of(BackupTier.SAFETY))).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void fullRestoreBringsTheCatalogBackAndChangesTheEpoch(Dialect dialect) {
    try (var f = new BackupFixture(dialect, dir, Map.of())) {
      f.writer.write(market("US", 15, ".00"));
      f.writer.write(market("SG", 5, ".00"));
      List<Row> before = rows(f.all());
      BackupEntry good = f.service.create(BackupTier.WEEKLY);
      String epoch = f.repo.epoch();

      f.writer.write(market("US", 15, ".77"));
      f.writer.deactivate(List.of(before.get(0).id()));
      long seq = f.repo.currentSeq();
      assertThatThrownBy(() -> f.service.restore(good, Optional.empty(), false))
          .isInstanceOf(BackupException.class)
          .hasMessageContaining("--yes");
      assertThat(f.service.list(Optional.of(BackupTier.SAFETY))).isEmpty();

      RestoreReport r = f.service.restore(good, Optional.empty(), true);
      assertThat(rows(f.all())).isEqualTo(before);
      assertThat(r.tableRows()).containsEntry("products", 20L);
      assertThat(f.repo.epoch()).isNotEqualTo(epoch).isEqualTo(r.epochAfter());
      assertThat(f.repo.currentSeq()).isGreaterThanOrEqualTo(seq);
      // The safety backup holds the state just before the restore.
      BackupEntry safety = f.service.list(Optional.of(BackupTier.SAFETY)).get(0);
      assertThat(safety.id()).isEqualTo(r.safetyBackupId());
      assertThat(f.service.verify(List.of(safety)).get(0).ok()).isTrue();
      // Writes keep working after the restore.
      f.writer.write(market("US", 3, ".11"));
      assertThat(f.repo.currentSeq()).isGreaterThan(seq);
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void preDeployWritesASourceableRollbackState(Dialect dialect) throws Exception {
    try (var f = new BackupFixture(dialect, dir, Map.of())) {
      f.writer.write(market("US", 3, ".00"));
      BackupEntry e = f.service.preDeploy("1.2.3");
      assertThat(e.id()).startsWith("pre-deploy-20261121T100000");
      Path state = f.service.config().rollbackStateFile();
      Process p =
          new ProcessBuilder(
                  "bash",
                  "-c",
                  "set -eu; source \"$1\"; echo \"$BACKUP_ID|$BACKUP_FILE\"",
                  "x",
                  state.toString())
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes()).strip();
      assertThat(p.waitFor()).isZero();
      assertThat(out).isEqualTo(e.id() + "|" + e.path().toAbsolutePath());
      assertThat(new RollbackState(state).read()).containsEntry("APP_VERSION", "1.2.3");
    }
  }
}
