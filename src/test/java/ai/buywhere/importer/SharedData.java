package ai.buywhere.importer;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the team's shared data directory: {@code -Dbuywhere.shared.dir} when it exists, else the
 * first {@code shared/} beside the working directory or one of its parents (worktrees live deeper).
 */
public final class SharedData {
  private SharedData() {}

  public static Path retailProducts() {
    String prop = System.getProperty("buywhere.shared.dir");
    if (prop != null && Files.isDirectory(Path.of(prop))) {
      return Path.of(prop).resolve("data/retail-products/products.jsonl.gz");
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/data/retail-products/products.jsonl.gz");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("shared/data/retail-products/products.jsonl.gz not found");
  }
}
