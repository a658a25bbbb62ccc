package ai.buywhere.ops.deploy;

import ai.buywhere.shared.BuyWhereException;
import ai.buywhere.shared.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/** Manual sign-offs of a checklist, kept in {@code <state dir>/checklists/<name>.json}. */
final class ChecklistSignoffs {
  record Signoff(String by, String at, String note) {}

  private final Path file;

  ChecklistSignoffs(Path stateDir, String checklist) {
    this.file = stateDir.resolve("checklists").resolve(checklist + ".json");
  }

  Map<String, Signoff> load() {
    if (!Files.isRegularFile(file)) {
      return new TreeMap<>();
    }
    try {
      return Json.mapper()
          .readValue(file.toFile(), new TypeReference<TreeMap<String, Signoff>>() {});
    } catch (IOException e) {
      throw new BuyWhereException(
          file + " is unreadable (" + e.getMessage() + "); fix or delete it");
    }
  }

  void sign(String item, Signoff s) {
    Map<String, Signoff> all = load();
    all.put(item, s);
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      Files.writeString(
          tmp, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(all));
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new BuyWhereException("cannot write " + file + ": " + e.getMessage());
    }
  }
}
