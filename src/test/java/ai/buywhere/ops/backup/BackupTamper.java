package ai.buywhere.ops.backup;

import ai.buywhere.shared.Json;
import ai.buywhere.store.Dialect;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

/** Builds damaged backups for verification tests: valid checksum, wrong content. */
final class BackupTamper {
  private BackupTamper() {}

  /** Rewrites the backup without {@code table} and fixes up the manifest's size and checksum. */
  static void dropTable(BackupFixture f, BackupEntry e, String table) throws Exception {
    if (f.db.dialect() == Dialect.SQLITE) {
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + e.path());
          Statement st = c.createStatement()) {
        st.execute("DROP TABLE " + table);
        st.execute("VACUUM");
      }
    } else {
      PgTarget t = PgTarget.of(f.db.config());
      Files.delete(e.path());
      PgTools.Result r =
          PgTools.run(
              List.of(
                  "pg_dump",
                  "--format=custom",
                  "--no-owner",
                  "--exclude-table=" + table,
                  "--file=" + e.path()),
              t.env(),
              5);
      if (r.exitCode() != 0) {
        throw new AssertionError(r.stderr());
      }
    }
    BackupManifest m = e.manifest();
    BackupManifest fixed =
        new BackupManifest(
            m.formatVersion(),
            m.id(),
            m.tier(),
            m.createdAt(),
            m.file(),
            Files.size(e.path()),
            BackupStore.sha256(e.path()),
            m.schemaVersion(),
            m.dialect(),
            m.sourceDatabase(),
            m.catalogEpoch(),
            m.catalogSequence(),
            m.tables());
    Files.write(e.manifestPath(), Json.mapper().writeValueAsBytes(fixed));
  }
}
