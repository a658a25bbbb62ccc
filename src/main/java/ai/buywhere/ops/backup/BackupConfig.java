package ai.buywhere.ops.backup;

import ai.buywhere.app.Settings;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Backup settings. {@code BACKUP_DIR} (default {@code <DATA_DIR>/backups}) holds one directory per
 * tier; {@code BACKUP_RETENTION_<TIER>} overrides a tier's count; {@code BACKUP_VERIFICATION_PROM}
 * is the textfile-collector output (default {@code <BACKUP_DIR>/backup_verification.prom}); {@code
 * PG_DUMP_PATH} / {@code PG_RESTORE_PATH} name the PostgreSQL client binaries (default: found on
 * {@code PATH}); {@code ROLLBACK_STATE_FILE} (default {@code <DATA_DIR>/.rollback_state}).
 */
public record BackupConfig(
    Path root,
    Map<BackupTier, Integer> retention,
    Path promFile,
    Path rollbackStateFile,
    Optional<String> pgDumpPath,
    Optional<String> pgRestorePath,
    boolean scheduleEnabled) {

  public static BackupConfig from(Settings s, Path dataDir) {
    Path root = Path.of(s.get("BACKUP_DIR", dataDir.resolve("backups").toString()));
    Map<BackupTier, Integer> retention = new EnumMap<>(BackupTier.class);
    for (BackupTier t : BackupTier.values()) {
      String key = "BACKUP_RETENTION_" + t.name().toUpperCase(Locale.ROOT);
      retention.put(t, s.getInt(key, t.defaultRetention(), 1, 10_000));
    }
    Path prom =
        Path.of(
            s.get("BACKUP_VERIFICATION_PROM", root.resolve("backup_verification.prom").toString()));
    Path rollback =
        Path.of(s.get("ROLLBACK_STATE_FILE", dataDir.resolve(".rollback_state").toString()));
    return new BackupConfig(
        root,
        Map.copyOf(retention),
        prom,
        rollback,
        s.get("PG_DUMP_PATH"),
        s.get("PG_RESTORE_PATH"),
        s.getBoolean("BACKUP_SCHEDULE_ENABLED", false));
  }

  public Path tierDir(BackupTier tier) {
    return root.resolve(tier.wire());
  }

  public int retention(BackupTier tier) {
    return retention.getOrDefault(tier, tier.defaultRetention());
  }
}
