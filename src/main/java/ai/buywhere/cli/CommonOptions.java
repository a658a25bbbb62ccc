package ai.buywhere.cli;

import ai.buywhere.app.Settings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Options every command takes. Each one overrides its environment variable: {@code --data-dir} →
 * {@code DATA_DIR}, {@code --database-url} → {@code DATABASE_URL}, {@code --config} → {@code
 * BUYWHERE_CONFIG}.
 */
public final class CommonOptions {
  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Data directory (SQLite file, search index, backups). Env: DATA_DIR.")
  Path dataDir;

  @Option(
      names = "--database-url",
      paramLabel = "URL",
      description =
          "postgresql://… or jdbc:postgresql:… (default: embedded SQLite). Env: DATABASE_URL.")
  String databaseUrl;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML settings file. Env: BUYWHERE_CONFIG.")
  Path config;

  /** Settings from the environment with this command's overrides on top. */
  public Settings settings() {
    return settings(Map.of());
  }

  public Settings settings(Map<String, String> extra) {
    Map<String, String> ov = new HashMap<>(extra);
    if (dataDir != null) {
      ov.put("DATA_DIR", dataDir.toString());
    }
    if (databaseUrl != null) {
      ov.put("DATABASE_URL", databaseUrl);
    }
    if (config != null) {
      ov.put("BUYWHERE_CONFIG", config.toString());
    }
    return Settings.of(System.getenv(), ov);
  }
}
