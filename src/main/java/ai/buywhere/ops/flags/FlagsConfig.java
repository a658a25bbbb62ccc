package ai.buywhere.ops.flags;

import ai.buywhere.app.Settings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Flag settings: {@code FEATURE_FLAGS_FILE} (optional path), {@code
 * FEATURE_FLAGS_FILE_RELOAD_SECONDS} (default 30) and {@code FEATURE_FLAGS_POLL_SECONDS} (how often
 * each node re-reads overrides from the database; default 5, at most 30 so an override reaches
 * every node within the runbook's 30 s).
 */
public record FlagsConfig(Path file, Duration fileReloadInterval, Duration pollInterval) {

  public static FlagsConfig from(Settings s) {
    Path file = s.get("FEATURE_FLAGS_FILE").map(Path::of).orElse(null);
    int reload = s.getInt("FEATURE_FLAGS_FILE_RELOAD_SECONDS", 30, 1, 3600);
    int poll = s.getInt("FEATURE_FLAGS_POLL_SECONDS", 5, 1, 30);
    return new FlagsConfig(file, Duration.ofSeconds(reload), Duration.ofSeconds(poll));
  }
}
