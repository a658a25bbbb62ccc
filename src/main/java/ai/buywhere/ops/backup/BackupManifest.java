package ai.buywhere.ops.backup;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * What a backup holds, written next to it as {@code <id>.manifest.json}. {@code tables} are the row
 * counts and content checksums of the snapshot the backup was taken from (computed inside that
 * snapshot), which verification compares against a scratch restore.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BackupManifest(
    int formatVersion,
    String id,
    String tier,
    Instant createdAt,
    String file,
    long sizeBytes,
    String sha256,
    String schemaVersion,
    String dialect,
    String sourceDatabase,
    String catalogEpoch,
    long catalogSequence,
    Map<String, TableStats> tables) {

  public static final int FORMAT = 1;

  /** Rows and a SHA-256 over the table's rows in primary-key order. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record TableStats(long rows, String checksum) {}

  /** The data file, resolved against the directory the manifest lives in. */
  public Path dataFile(Path dir) {
    return dir.resolve(file);
  }
}
