package ai.buywhere.ops.incidents;

import ai.buywhere.app.ConfigException;
import ai.buywhere.app.Settings;
import ai.buywhere.ops.incidents.IncidentPolicy.Chain;
import ai.buywhere.ops.incidents.IncidentPolicy.Channels;
import ai.buywhere.ops.incidents.IncidentPolicy.Sla;
import ai.buywhere.ops.incidents.IncidentPolicy.Step;
import ai.buywhere.ops.incidents.IncidentPolicy.StopOn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the shipped policy ({@code ops/incident-policy.yml}) with the optional {@code
 * INCIDENT_POLICY_FILE} merged on top (maps key by key, lists replaced whole) and validates it:
 * every severity has an SLA, channels and a chain; rotation windows tile the day. Errors name the
 * field ({@code escalation.P1.steps[2].after}) and throw {@link ConfigException} at start-up.
 */
public final class IncidentPolicyLoader {
  static final String RESOURCE = "/ops/incident-policy.yml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern DURATION = Pattern.compile("(\\d+)(s|m|h|d)");

  private IncidentPolicyLoader() {}

  public static IncidentPolicy load(Settings settings) {
    JsonNode root;
    try (InputStream in = IncidentPolicyLoader.class.getResourceAsStream(RESOURCE)) {
      root = YAML.readTree(in);
    } catch (IOException e) {
      throw new ConfigException("cannot read " + RESOURCE + ": " + e.getMessage());
    }
    String file = settings.get("INCIDENT_POLICY_FILE").orElse(null);
    if (file != null) {
      Path p = Path.of(file);
      if (!Files.isRegularFile(p)) {
        throw new ConfigException("INCIDENT_POLICY_FILE " + file + " is not a readable file");
      }
      try (InputStream in = Files.newInputStream(p)) {
        JsonNode over = YAML.readTree(in);
        if (over != null && !over.isMissingNode() && !over.isNull()) {
          if (!over.isObject()) {
            throw new ConfigException("INCIDENT_POLICY_FILE " + file + " must be a YAML map");
          }
          merge((ObjectNode) root, over);
        }
      } catch (IOException e) {
        throw new ConfigException(
            "cannot read INCIDENT_POLICY_FILE " + file + ": " + e.getMessage());
      }
    }
    return parse(root, file == null ? RESOURCE : file);
  }

  static void merge(ObjectNode base, JsonNode over) {
    for (Iterator<Map.Entry<String, JsonNode>> it = over.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode b = base.get(e.getKey());
      if (b != null && b.isObject() && e.getValue().isObject()) {
        merge((ObjectNode) b, e.getValue());
      } else {
        base.set(e.getKey(), e.getValue());
      }
    }
  }

  static IncidentPolicy parse(JsonNode root, String source) {
    Map<Severity, Sla> sla = new EnumMap<>(Severity.class);
    Map<Severity, Channels> channels = new EnumMap<>(Severity.class);
    Map<Severity, Chain> chains = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      String p = "sla." + s;
      JsonNode n = need(root.path("sla").path(s.name()), p, source);
      sla.put(
          s,
          new Sla(
              duration(n.get("acknowledge"), p + ".acknowledge", source),
              duration(n.get("engage"), p + ".engage", source),
              duration(n.get("resolve"), p + ".resolve", source)));
      p = "channels." + s;
      n = need(root.path("channels").path(s.name()), p, source);
      String slack = n.path("slack").asText("");
      if (!slack.startsWith("#") || slack.length() < 2) {
        throw bad(source, p + ".slack", "must be a channel like #incidents");
      }
      channels.put(s, new Channels(slack, n.path("pagerduty").asBoolean(false)));
      p = "escalation." + s;
      n = need(root.path("escalation").path(s.name()), p, source);
      StopOn stop;
      try {
        stop = StopOn.valueOf(n.path("stop_on").asText("acknowledged").toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw bad(source, p + ".stop_on", "must be acknowledged or resolved");
      }
      List<Step> steps = new ArrayList<>();
      JsonNode list = n.path("steps");
      if (!list.isArray() || list.isEmpty()) {
        throw bad(source, p + ".steps", "must be a non-empty list");
      }
      for (int i = 0; i < list.size(); i++) {
        steps.add(step(list.get(i), p + ".steps[" + i + "]", source));
      }
      chains.put(s, new Chain(stop, steps));
    }
    return new IncidentPolicy(sla, channels, chains, rotation(root.path("rotation"), source));
  }

  private static Step step(JsonNode n, String p, String source) {
    String notify = n.path("notify").asText("");
    if (notify.isBlank()) {
      throw bad(source, p + ".notify", "is required");
    }
    String label = n.hasNonNull("label") ? n.get("label").asText() : null;
    if (n.hasNonNull("at")) {
      return new Step(null, time(n.get("at").asText(), p + ".at", source, false), notify, label);
    }
    Duration after = duration(n.get("after"), p + ".after", source);
    if (after == null) {
      throw bad(source, p, "needs after (e.g. 10m) or at (e.g. 08:00)");
    }
    return new Step(after, null, notify, label);
  }

  private static Rotation rotation(JsonNode n, String source) {
    ZoneId zone;
    try {
      zone = ZoneId.of(n.path("zone").asText("America/New_York"));
    } catch (DateTimeException e) {
      throw bad(source, "rotation.zone", "is not a time zone id");
    }
    List<Rotation.Window> windows = new ArrayList<>();
    JsonNode list = n.path("windows");
    int expect = 0;
    for (int i = 0; i < list.size(); i++) {
      JsonNode w = list.get(i);
      String p = "rotation.windows[" + i + "]";
      int from = minutes(w.path("from").asText(""), p + ".from", source);
      int to = minutes(w.path("to").asText(""), p + ".to", source);
      if (from != expect || to <= from) {
        throw bad(source, p, "windows must follow each other from 00:00 to 24:00");
      }
      String primary = w.path("primary").asText("");
      if (primary.isBlank()) {
        throw bad(source, p + ".primary", "is required");
      }
      windows.add(new Rotation.Window(from, to, primary, w.path("secondary").asText(primary)));
      expect = to;
    }
    if (expect != 24 * 60) {
      throw bad(source, "rotation.windows", "must cover the whole day, 00:00 to 24:00");
    }
    return new Rotation(zone, windows);
  }

  private static int minutes(String v, String p, String source) {
    if (v.equals("24:00")) {
      return 24 * 60;
    }
    LocalTime t = time(v, p, source, true);
    return t.getHour() * 60 + t.getMinute();
  }

  private static LocalTime time(String v, String p, String source, boolean allowAny) {
    try {
      return LocalTime.parse(v);
    } catch (DateTimeException e) {
      throw bad(source, p, "must be a time HH:MM" + (allowAny ? " (or 24:00)" : ""));
    }
  }

  private static JsonNode need(JsonNode n, String p, String source) {
    if (!n.isObject()) {
      throw bad(source, p, "is missing");
    }
    return n;
  }

  /** {@code 30s}, {@code 5m}, {@code 1h}, {@code 2d}; null when absent. */
  static Duration duration(JsonNode n, String p, String source) {
    if (n == null || n.isNull()) {
      return null;
    }
    Matcher m = DURATION.matcher(n.asText().trim());
    if (!m.matches()) {
      throw bad(source, p, "must be a duration like 30s, 5m, 1h or 2d");
    }
    long v = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(v);
      case "m" -> Duration.ofMinutes(v);
      case "h" -> Duration.ofHours(v);
      default -> Duration.ofDays(v);
    };
  }

  private static ConfigException bad(String source, String field, String problem) {
    return new ConfigException(source + ": " + field + " " + problem);
  }
}
