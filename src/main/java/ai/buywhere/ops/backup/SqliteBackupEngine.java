package ai.buywhere.ops.backup;

import ai.buywhere.store.Database;
import ai.buywhere.store.Dialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.sqlite.SQLiteConfig;

/**
 * SQLite: {@code VACUUM INTO} on a connection of the live pool. It runs inside one read
 * transaction, so under WAL it copies one consistent snapshot while other connections keep writing,
 * and it produces a compact, self-contained file (no WAL) that is itself a SQLite database.
 */
final class SqliteBackupEngine implements BackupEngine {
  private final Database live;

  SqliteBackupEngine(Database live) {
    this.live = live;
  }

  @Override
  public String extension() {
    return ".db";
  }

  @Override
  public TableFingerprint.Snapshot dump(Path target) {
    live.jdbi().useHandle(h -> h.execute("VACUUM INTO ?", target.toAbsolutePath().toString()));
    // Fingerprint the copy itself: it is exactly the snapshot VACUUM INTO read.
    try (Connection c = openReadOnly(target)) {
      return TableFingerprint.of(c, Dialect.SQLITE);
    } catch (SQLException e) {
      throw new BackupException("cannot read the backup just written to " + target, e);
    }
  }

  @Override
  public <T> T withScratch(Path file, ScratchWork<T> work) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("buywhere-scratch-");
      Path copy = dir.resolve("scratch.db");
      Files.copy(file, copy);
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy.toAbsolutePath())) {
        checkIntegrity(c);
        return work.apply(c);
      }
    } catch (SQLException e) {
      throw new BackupException(
          "backup " + file + " cannot be opened as SQLite: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteTree(dir);
    }
  }

  private static void checkIntegrity(Connection c) throws SQLException {
    try (var st = c.createStatement();
        var rs = st.executeQuery("PRAGMA integrity_check")) {
      String first = rs.next() ? rs.getString(1) : "no answer";
      if (!"ok".equals(first)) {
        throw new SQLException("integrity_check failed: " + first);
      }
    }
  }

  @Override
  public void restoreFull(Path file) {
    Path dir = null;
    try {
      // Attach a copy so that the backup file itself is never opened for writing.
      dir = Files.createTempDirectory("buywhere-restore-");
      Path copy = dir.resolve("restore.db");
      Files.copy(file, copy);
      live.jdbi().useHandle(h -> restoreAttached(h, copy));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteTree(dir);
    }
  }

  private static void restoreAttached(Handle h, Path copy) {
    h.execute("ATTACH DATABASE ? AS bk", copy.toAbsolutePath().toString());
    try {
      h.useTransaction(
          tx -> {
            tx.execute("PRAGMA defer_foreign_keys = ON");
            List<String> tables = tableNames(tx, "main");
            List<String> backupTables = tableNames(tx, "bk");
            if (!tables.equals(backupTables)) {
              throw new BackupException(
                  "backup tables " + backupTables + " differ from the live tables " + tables);
            }
            List<String> columnLists = new ArrayList<>();
            for (String t : tables) {
              List<String> cols = columns(tx, "main", t);
              if (!cols.equals(columns(tx, "bk", t))) {
                throw new BackupException("backup table " + t + " has different columns");
              }
              columnLists.add(String.join(", ", cols));
            }
            // Empty everything first: cascades must not remove rows already copied back.
            for (String t : tables) {
              tx.execute("DELETE FROM main." + TableFingerprint.quote(t));
            }
            for (int i = 0; i < tables.size(); i++) {
              String t = TableFingerprint.quote(tables.get(i));
              tx.execute(
                  "INSERT INTO main."
                      + t
                      + " ("
                      + columnLists.get(i)
                      + ") SELECT "
                      + columnLists.get(i)
                      + " FROM bk."
                      + t);
            }
          });
    } finally {
      h.execute("DETACH DATABASE bk");
    }
  }

  private static List<String> tableNames(Handle h, String schema) {
    return h.createQuery(
            "SELECT name FROM "
                + schema
                + ".sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .mapTo(String.class)
        .list();
  }

  private static List<String> columns(Handle h, String schema, String table) {
    return h
        .createQuery("SELECT name FROM pragma_table_info(:t, :s) ORDER BY cid")
        .bind("t", table)
        .bind("s", schema)
        .mapTo(String.class)
        .list()
        .stream()
        .map(TableFingerprint::quote)
        .toList();
  }

  static Connection openReadOnly(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
  }

  static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted((a, b) -> b.getNameCount() - a.getNameCount())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // best effort: a leftover temp file is harmless
                }
              });
    } catch (IOException e) {
      // best effort
    }
  }
}
