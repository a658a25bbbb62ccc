package ai.buywhere.ops.flags;

import ai.buywhere.app.ConfigException;
import ai.buywhere.app.Settings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Flag settings: {@code FEATURE_FLAGS_FILE} (optional path), {@code
 * FEATURE_FLAGS_FILE_RELOAD_SECONDS} (default 30) and {@code FEATURE_FLAGS_POLL_SECONDS} (how often
 * each node re-reads overrides from the database; default 5, at most 30 so an override reaches
 * every node within the runbook's 30 s). With {@code REDIS_URL} set, changes are also announced on
 * {@code FEATURE_FLAGS_REDIS_CHANNEL} (default {@value #DEFAULT_CHANNEL}) so other nodes refresh at
 * once; polling stays on as the fallback.
 */
public record FlagsConfig(
    Path file,
    Duration fileReloadInterval,
    Duration pollInterval,
    String redisUrl,
    String redisChannel) {

  public static final String DEFAULT_CHANNEL = "buywhere:feature-flags";

  /** Without Redis fan-out (tests, embedded mode). */
  public FlagsConfig(Path file, Duration fileReloadInterval, Duration pollInterval) {
    this(file, fileReloadInterval, pollInterval, null, DEFAULT_CHANNEL);
  }

  public static FlagsConfig from(Settings s) {
    Path file = s.get("FEATURE_FLAGS_FILE").map(Path::of).orElse(null);
    int reload = s.getInt("FEATURE_FLAGS_FILE_RELOAD_SECONDS", 30, 1, 3600);
    int poll = s.getInt("FEATURE_FLAGS_POLL_SECONDS", 5, 1, 30);
    String redis = s.get("REDIS_URL").orElse(null);
    if (redis != null && !redis.startsWith("redis://") && !redis.startsWith("rediss://")) {
      throw new ConfigException("REDIS_URL must start with redis:// or rediss://");
    }
    String channel = s.get("FEATURE_FLAGS_REDIS_CHANNEL", DEFAULT_CHANNEL);
    return new FlagsConfig(
        file, Duration.ofSeconds(reload), Duration.ofSeconds(poll), redis, channel);
  }
}
