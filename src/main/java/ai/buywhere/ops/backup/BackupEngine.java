package ai.buywhere.ops.backup;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * How one storage engine is backed up and restored: the seam between SQLite and PostgreSQL.
 * Implementations never write to the live database except in {@link #restoreFull}.
 */
interface BackupEngine {

  /** Work run against a scratch copy of a backup. */
  @FunctionalInterface
  interface ScratchWork<T> {
    T apply(Connection scratch) throws SQLException;
  }

  /** The data file's extension, with the dot. */
  String extension();

  /**
   * Writes a consistent copy of the live database to {@code target} (which must not exist) while
   * writes continue, and fingerprints exactly the snapshot that was copied.
   */
  TableFingerprint.Snapshot dump(Path target);

  /**
   * Restores {@code file} into a throw-away database, runs {@code work} on it, and removes the
   * scratch database again (also on failure).
   */
  <T> T withScratch(Path file, ScratchWork<T> work);

  /** Replaces the whole live database's contents with {@code file}'s, atomically. */
  void restoreFull(Path file);
}
