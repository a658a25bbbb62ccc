package ai.buywhere.ops.backup;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;
import java.time.Instant;

/** One listed backup: its manifest and where its data file is. The JSON form of {@code list}. */
public record BackupEntry(BackupManifest manifest, Path path, Path manifestPath) {

  /** The wire shape of {@code backup list --json}. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Listing(
      String id, String tier, String path, Instant createdAt, long sizeBytes, String sha256) {}

  public Listing listing() {
    return new Listing(
        manifest.id(),
        manifest.tier(),
        path.toAbsolutePath().toString(),
        manifest.createdAt(),
        manifest.sizeBytes(),
        manifest.sha256());
  }

  public String id() {
    return manifest.id();
  }
}
