package ai.buywhere.ops.deploy;

import ai.buywhere.app.ConfigException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One environment's deployment thresholds from {@code config/deployment-thresholds.yaml} (the
 * deployment runbook's table). Missing keys take the runbook's production values; a value of the
 * wrong type or out of range fails with a message naming the file, environment and key.
 */
record DeployThresholds(
    String environment,
    double errorRatePercent,
    double criticalErrorRatePercent,
    double latencyP99Millis,
    int consecutiveFailures,
    int durationSeconds,
    int checkIntervalSeconds) {

  static DeployThresholds load(Path file, String environment) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(
          "deployment thresholds file " + file + " not found (pass --thresholds FILE)");
    }
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      throw new ConfigException(file + " is not valid YAML: " + e.getMessage());
    }
    JsonNode env = root == null ? null : root.get(environment);
    if (env == null || !env.isObject()) {
      throw new ConfigException(
          file
              + " has no section for environment '"
              + environment
              + "' (have: "
              + names(root)
              + ")");
    }
    String where = file + " [" + environment + "] ";
    return new DeployThresholds(
        environment,
        number(env, "error_rate_threshold", 5, 0, 100, where),
        number(env, "critical_error_rate_threshold", 25, 0, 100, where),
        number(env, "latency_p99_threshold_ms", 1500, 1, 600_000, where),
        (int) number(env, "consecutive_failures_for_rollback", 2, 1, 100, where),
        (int) number(env, "monitoring_duration_seconds", 600, 1, 86_400, where),
        (int) number(env, "check_interval_seconds", 30, 1, 3_600, where));
  }

  private static String names(JsonNode root) {
    if (root == null) {
      return "none";
    }
    StringBuilder sb = new StringBuilder();
    root.fieldNames().forEachRemaining(n -> sb.append(sb.length() == 0 ? "" : ", ").append(n));
    return sb.toString();
  }

  private static double number(
      JsonNode env, String key, double dflt, double min, double max, String where) {
    JsonNode v = env.get(key);
    if (v == null || v.isNull()) {
      return dflt;
    }
    if (!v.isNumber()) {
      throw new ConfigException(where + key + " must be a number, got " + v);
    }
    double d = v.asDouble();
    if (d < min || d > max) {
      throw new ConfigException(where + key + " must be between " + min + " and " + max);
    }
    return d;
  }
}
