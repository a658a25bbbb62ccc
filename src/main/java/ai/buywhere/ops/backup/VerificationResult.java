package ai.buywhere.ops.backup;

import java.util.List;

/** The outcome of verifying one backup; {@code problems} is empty exactly when {@code ok}. */
public record VerificationResult(String id, String tier, boolean ok, List<String> problems) {
  static VerificationResult of(BackupManifest m, List<String> problems) {
    return new VerificationResult(m.id(), m.tier(), problems.isEmpty(), List.copyOf(problems));
  }
}
