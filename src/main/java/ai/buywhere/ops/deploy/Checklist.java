package ai.buywhere.ops.deploy;

import ai.buywhere.app.ConfigException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A go-live checklist as data ({@code config/checklists/<name>.yaml}): phases with an owner and a
 * due offset, items with text and, for automatable ones, a {@code check} kind that {@link
 * ChecklistRunner} knows.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record Checklist(String name, String title, List<Phase> phases) {
  static final Set<String> CHECKS =
      Set.of(
          "health",
          "replication_lag",
          "backup_verified",
          "alert_rules",
          "flags_default_off",
          "kill_switches",
          "smoke_test",
          "error_rate",
          "p99");

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Phase(
      String id,
      String title,
      String owner,
      @JsonProperty("due_offset_days") int dueOffsetDays,
      List<Item> items) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Item(String id, String text, String check) {}

  static Checklist load(Path dir, String name) {
    Path file = dir.resolve(name + ".yaml");
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(
          "no checklist '"
              + name
              + "' in "
              + dir
              + " (have: "
              + String.join(", ", names(dir))
              + ")");
    }
    try {
      Checklist c = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Checklist.class);
      for (Phase p : c.phases()) {
        for (Item i : p.items()) {
          if (i.check() != null && !CHECKS.contains(i.check())) {
            throw new ConfigException(
                file
                    + ": item "
                    + i.id()
                    + " has unknown check '"
                    + i.check()
                    + "' (known: "
                    + CHECKS
                    + ")");
          }
        }
      }
      return c;
    } catch (IOException e) {
      throw new ConfigException(file + " is not a valid checklist: " + e.getMessage());
    }
  }

  static List<String> names(Path dir) {
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml"))
          .map(n -> n.substring(0, n.length() - 5))
          .sorted()
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  Item item(String id) {
    return phases.stream()
        .flatMap(p -> p.items().stream())
        .filter(i -> i.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new ConfigException("checklist " + name + " has no item '" + id + "'"));
  }
}
