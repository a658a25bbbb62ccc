package ai.buywhere.ops.backup;

import ai.buywhere.store.Database;
import ai.buywhere.store.Dialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * PostgreSQL: {@code pg_dump -Fc} run inside a snapshot exported from a REPEATABLE READ
 * transaction, while the same transaction fingerprints the tables; the manifest therefore describes
 * exactly the rows in the dump even though writes continue. Scratch restores go into a database
 * created for the purpose on the same server and dropped afterwards.
 */
final class PostgresBackupEngine implements BackupEngine {
  private static final long TIMEOUT_MINUTES = 240;

  private final PgTarget target;
  private final Optional<String> dumpPath;
  private final Optional<String> restorePath;
  private PgTools tools;

  PostgresBackupEngine(Database live, Optional<String> dumpPath, Optional<String> restorePath) {
    this.target = PgTarget.of(live.config());
    this.dumpPath = dumpPath;
    this.restorePath = restorePath;
  }

  @Override
  public String extension() {
    return ".dump";
  }

  private synchronized PgTools tools(Connection c) throws SQLException {
    if (tools == null) {
      int major;
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SHOW server_version_num")) {
        rs.next();
        major = Integer.parseInt(rs.getString(1)) / 10_000;
      }
      tools = PgTools.locate(dumpPath, restorePath, major);
    }
    return tools;
  }

  @Override
  public TableFingerprint.Snapshot dump(Path file) {
    try (Connection c = target.connect()) {
      PgTools t = tools(c);
      c.setAutoCommit(false);
      String snapshot;
      try (Statement st = c.createStatement()) {
        st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        try (ResultSet rs = st.executeQuery("SELECT pg_export_snapshot()")) {
          rs.next();
          snapshot = rs.getString(1);
        }
      }
      List<String> cmd =
          List.of(
              t.pgDump().toString(),
              "--format=custom",
              "--no-owner",
              "--no-privileges",
              "--snapshot=" + snapshot,
              "--file=" + file.toAbsolutePath());
      Process p = PgTools.start(cmd, target.env());
      TableFingerprint.Snapshot fp;
      try {
        fp = TableFingerprint.of(c, Dialect.POSTGRESQL);
      } catch (SQLException | RuntimeException e) {
        p.destroyForcibly();
        throw e;
      }
      PgTools.Result r = PgTools.await(p, cmd, TIMEOUT_MINUTES);
      c.commit();
      if (r.exitCode() != 0) {
        throw new BackupException("pg_dump failed: " + r.stderr().strip());
      }
      return fp;
    } catch (SQLException e) {
      throw new BackupException(
          "cannot take a backup of " + target.jdbcUrl() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public <T> T withScratch(Path file, ScratchWork<T> work) {
    String name = "bw_scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection admin = target.connect()) {
      PgTools t = tools(admin);
      try (Statement st = admin.createStatement()) {
        st.execute("CREATE DATABASE " + name);
      }
      try {
        PgTarget scratch = target.withDatabase(name);
        List<String> cmd =
            List.of(
                t.pgRestore().toString(),
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--dbname=" + name,
                file.toAbsolutePath().toString());
        PgTools.Result r = PgTools.run(cmd, scratch.env(), TIMEOUT_MINUTES);
        if (r.exitCode() != 0) {
          throw new BackupException("backup " + file + " does not restore: " + r.stderr().strip());
        }
        try (Connection c = scratch.connect()) {
          return work.apply(c);
        }
      } finally {
        try (Statement st = admin.createStatement()) {
          st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
      }
    } catch (SQLException e) {
      throw new BackupException("scratch restore of " + file + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void restoreFull(Path file) {
    try (Connection c = target.connect()) {
      PgTools t = tools(c);
      List<String> cmd =
          List.of(
              t.pgRestore().toString(),
              "--clean",
              "--if-exists",
              "--no-owner",
              "--no-privileges",
              "--single-transaction",
              "--exit-on-error",
              "--dbname=" + target.database(),
              file.toAbsolutePath().toString());
      PgTools.Result r = PgTools.run(cmd, target.env(), TIMEOUT_MINUTES);
      if (r.exitCode() != 0) {
        throw new BackupException(
            "pg_restore failed (the live database is unchanged): " + r.stderr().strip());
      }
    } catch (SQLException e) {
      throw new BackupException("cannot reach " + target.jdbcUrl() + ": " + e.getMessage(), e);
    }
  }
}
