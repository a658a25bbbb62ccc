package ai.buywhere.ops.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.buywhere.store.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgToolsTest {
  @TempDir Path dir;

  @Test
  void anOlderPgDumpIsRefusedWithTheFix() throws Exception {
    Path fake = dir.resolve("pg_dump");
    Files.writeString(fake, "#!/bin/sh\necho 'pg_dump (PostgreSQL) 9.6.24'\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (var f =
        new BackupFixture(Dialect.POSTGRESQL, dir, Map.of("PG_DUMP_PATH", fake.toString()))) {
      assertThatThrownBy(() -> f.service.create(BackupTier.HOURLY))
          .isInstanceOf(BackupException.class)
          .hasMessageContaining("PostgreSQL 9 but the server is PostgreSQL 15")
          .hasMessageContaining("PG_DUMP_PATH");
      assertThat(f.service.list(Optional.empty())).isEmpty();
    }
  }

  @Test
  void aMissingPgDumpIsNamed() {
    assertThatThrownBy(
            () -> PgTools.locate(Optional.of(dir.resolve("nope").toString()), Optional.empty(), 15))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("PG_DUMP_PATH points at");
  }

  @Test
  void theInstalledClientMatchesTheServer() {
    PgTools t = PgTools.locate(Optional.empty(), Optional.empty(), 15);
    assertThat(PgTools.majorVersion(t.pgRestore())).isGreaterThanOrEqualTo(15);
  }
}
