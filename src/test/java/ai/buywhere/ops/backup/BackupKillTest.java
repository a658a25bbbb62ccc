package ai.buywhere.ops.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.buywhere.catalog.ProductInput;
import ai.buywhere.store.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A backup process killed half-way (like a container OOM-killed during the hourly backup) leaves
 * nothing listed; the next backup works and the leftover is cleaned once stale.
 */
class BackupKillTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void killDuringBackupLeavesNoListedPartialFile(Dialect dialect) throws Exception {
    try (var f = new BackupFixture(dialect, dir, Map.of())) {
      String blob = "x".repeat(8000);
      List<ProductInput> data = new ArrayList<>();
      int n = dialect == Dialect.SQLITE ? 3_000 : 200;
      for (int i = 0; i < n; i++) {
        data.add(
            ProductInput.builder("k" + i, "shop_us")
                .title("Kill test " + i)
                .description(blob + i)
                .price("9.99")
                .currency("USD")
                .countryCode("US")
                .build());
      }
      f.writer.write(data);
      Path tierDir = f.service.config().tierDir(BackupTier.HOURLY);
      Connection locker = null;
      if (dialect == Dialect.POSTGRESQL) {
        // Holds pg_dump (which has already created its output file) on a table lock.
        PgTarget t = PgTarget.of(f.db.config());
        locker = t.connect();
        locker.setAutoCommit(false);
        try (Statement st = locker.createStatement()) {
          st.execute("LOCK TABLE categories IN ACCESS EXCLUSIVE MODE");
        }
      }
      String url =
          dialect == Dialect.SQLITE
              ? f.created.config().jdbcUrl()
              : PgTarget.of(f.db.config()).jdbcUrl() + "?user=postgres";
      Process child =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  BackupKillChild.class.getName(),
                  url,
                  dir.toString(),
                  f.service.config().root().toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("child.log").toFile())
              .start();
      try {
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(2))
            .until(() -> partials(tierDir).size() > 0);
      } finally {
        child.descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly();
        child.waitFor();
        if (locker != null) {
          locker.rollback();
          locker.close();
        }
      }
      assertThat(partials(tierDir)).isNotEmpty();
      assertThat(f.service.list(Optional.empty())).isEmpty();
      assertThat(f.service.resolve("all")).isEmpty();

      BackupEntry next = f.service.create(BackupTier.HOURLY);
      assertThat(f.service.list(Optional.empty()))
          .extracting(BackupEntry::id)
          .containsExactly(next.id());
      assertThat(f.service.verify(List.of(next)).get(0).ok()).isTrue();

      for (Path p : partials(tierDir)) {
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().minus(Duration.ofDays(1))));
      }
      f.service.prune(BackupTier.HOURLY);
      assertThat(partials(tierDir)).isEmpty();
      assertThat(f.service.list(Optional.empty())).hasSize(1);
    }
  }

  private static List<Path> partials(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(BackupStore.PARTIAL_SUFFIX))
          .toList();
    }
  }
}
