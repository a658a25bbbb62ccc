package ai.buywhere.ops.alerts;

import ai.buywhere.app.Settings;
import ai.buywhere.ops.alerts.AlertRule.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the shipped rules ({@code ops/alert-rules.yml}) and layers the optional user file named by
 * {@code ALERT_RULES_FILE} on top: a user rule replaces the shipped rule of the same name (so a
 * user can change a threshold, or switch a rule off with {@code enabled: false}), other user rules
 * are added. Every rule is validated; errors name the file, the rule and the field.
 */
public final class AlertRules {
  static final String RESOURCE = "/ops/alert-rules.yml";
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  private static final Set<String> SEVERITIES = Set.of("P1", "P2", "P3", "P4");

  private AlertRules() {}

  /** The effective rules: the shipped defaults with {@code ALERT_RULES_FILE} applied. */
  public static List<AlertRule> load(Settings settings) {
    Map<String, AlertRule> byName = new LinkedHashMap<>();
    for (AlertRule r : defaults()) {
      byName.put(r.name(), r);
    }
    settings
        .get("ALERT_RULES_FILE")
        .ifPresent(
            file -> {
              Path p = Path.of(file);
              if (!Files.isRegularFile(p)) {
                throw new AlertRulesException(
                    "ALERT_RULES_FILE " + file + " is not a readable file");
              }
              try (InputStream in = Files.newInputStream(p)) {
                for (AlertRule r : parse(in, file)) {
                  byName.put(r.name(), r);
                }
              } catch (IOException e) {
                throw new AlertRulesException(
                    "cannot read ALERT_RULES_FILE " + file + ": " + e.getMessage());
              }
            });
    return byName.values().stream().filter(AlertRule::enabled).toList();
  }

  public static List<AlertRule> defaults() {
    try (InputStream in = AlertRules.class.getResourceAsStream(RESOURCE)) {
      return parse(in, RESOURCE);
    } catch (IOException e) {
      throw new AlertRulesException("cannot read " + RESOURCE + ": " + e.getMessage());
    }
  }

  static List<AlertRule> parse(InputStream in, String source) throws IOException {
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
    if (root == null || !root.path("rules").isArray()) {
      throw new AlertRulesException(source + ": expected a top-level 'rules:' list");
    }
    List<AlertRule> out = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (JsonNode n : root.path("rules")) {
      AlertRule r = rule(n, source);
      if (!seen.add(r.name())) {
        throw new AlertRulesException(source + ": rule " + r.name() + " is defined twice");
      }
      out.add(r);
    }
    return out;
  }

  private static AlertRule rule(JsonNode n, String source) {
    String name = n.path("name").asText("");
    String where = source + ": rule " + (name.isEmpty() ? "(unnamed)" : name);
    if (!NAME.matcher(name).matches()) {
      throw new AlertRulesException(
          where + ": 'name' must be letters, digits and _ starting with a letter");
    }
    String metric = n.path("metric").asText("");
    if (!metric.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
      throw new AlertRulesException(where + ": 'metric' must be a Prometheus metric name");
    }
    String op = n.path("op").asText(">");
    if (!op.equals(">") && !op.equals("<")) {
      throw new AlertRulesException(where + ": 'op' must be > or <");
    }
    Double warning = number(n, "warning", where);
    Double critical = number(n, "critical", where);
    if (warning == null && critical == null) {
      throw new AlertRulesException(where + ": needs 'warning' or 'critical'");
    }
    Map<String, String> labels = new LinkedHashMap<>();
    n.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    Map<Level, String> severity = new EnumMap<>(Level.class);
    for (Level level : Level.values()) {
      String s =
          n.path("severity").path(level.wire()).asText(level == Level.CRITICAL ? "P2" : "P3");
      if (!SEVERITIES.contains(s)) {
        throw new AlertRulesException(
            where + ": 'severity." + level.wire() + "' must be one of P1, P2, P3, P4");
      }
      severity.put(level, s);
    }
    String channel = n.path("channel").asText("#us-alerts");
    if (!channel.startsWith("#")) {
      throw new AlertRulesException(where + ": 'channel' must start with #");
    }
    return new AlertRule(
        name,
        n.path("summary").asText(name),
        metric,
        labels,
        op,
        warning,
        critical,
        duration(n.path("for").asText("0s"), where),
        severity,
        n.path("team").asText("ops"),
        channel,
        n.path("action").asText(null),
        n.path("promql").asText(null),
        n.path("enabled").asBoolean(true));
  }

  private static Double number(JsonNode n, String field, String where) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isNumber()) {
      throw new AlertRulesException(where + ": '" + field + "' must be a number");
    }
    return v.asDouble();
  }

  /** Parses Prometheus-style durations: {@code 30s}, {@code 5m}, {@code 1h}. */
  static Duration duration(String text, String where) {
    Matcher m = DURATION.matcher(text.trim());
    if (!m.matches()) {
      throw new AlertRulesException(where + ": 'for' must be a duration like 30s, 5m or 1h");
    }
    long v = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(v);
      case "s" -> Duration.ofSeconds(v);
      case "m" -> Duration.ofMinutes(v);
      case "h" -> Duration.ofHours(v);
      default -> Duration.ofDays(v);
    };
  }

  /** The duration in Prometheus notation. */
  static String promDuration(Duration d) {
    long s = d.toSeconds();
    if (s % 3600 == 0 && s > 0) {
      return s / 3600 + "h";
    }
    if (s % 60 == 0 && s > 0) {
      return s / 60 + "m";
    }
    return s + "s";
  }
}
