package ai.buywhere.ops.backup;

import ai.buywhere.app.Settings;
import ai.buywhere.store.Database;
import ai.buywhere.store.DatabaseConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Runs one backup in its own JVM, so that a test can kill the process half-way through. */
public final class BackupKillChild {
  private BackupKillChild() {}

  public static void main(String[] args) {
    String url = args[0];
    Path dataDir = Path.of(args[1]);
    DatabaseConfig config =
        url.startsWith("jdbc:sqlite:")
            ? DatabaseConfig.sqlite(Path.of(url.substring("jdbc:sqlite:".length())), 2)
            : DatabaseConfig.parse("url", url, 2);
    try (Database db = Database.open(config, "child")) {
      Settings s = Settings.of(Map.of("BACKUP_DIR", args[2]), Map.of());
      BackupService.from(db, s, dataDir, Clock.systemUTC()).create(BackupTier.HOURLY);
    }
  }
}
