package ai.buywhere.ops.backup;

import ai.buywhere.shared.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The last verification outcome per tier, kept in {@code <BACKUP_DIR>/verification-state.json} so
 * that the server's gauges and the textfile agree with the last {@code backup verify} run,
 * whichever process ran it.
 */
final class VerificationState {
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record TierResult(String id, boolean ok, Instant verifiedAt, List<String> problems) {}

  private final Path file;

  VerificationState(Path file) {
    this.file = file;
  }

  synchronized Map<String, TierResult> read() {
    if (!Files.isRegularFile(file)) {
      return new TreeMap<>();
    }
    try {
      return new TreeMap<>(
          Json.mapper().readValue(file.toFile(), new TypeReference<Map<String, TierResult>>() {}));
    } catch (IOException e) {
      return new TreeMap<>();
    }
  }

  /** Records a run: per tier, failed if any backup of that tier failed in it. */
  synchronized void record(List<VerificationResult> results, Instant at) {
    Map<String, TierResult> state = read();
    Map<String, TierResult> run = new TreeMap<>();
    for (VerificationResult r : results) {
      TierResult prev = run.get(r.tier());
      if (prev == null || (prev.ok() && !r.ok())) {
        run.put(r.tier(), new TierResult(r.id(), r.ok(), at, r.problems()));
      }
    }
    state.putAll(run);
    try {
      BackupStore.writeAtomically(
          file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(state));
    } catch (IOException e) {
      throw new BackupException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
