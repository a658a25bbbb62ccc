package ai.buywhere.importer;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The file formats {@code import} reads. Either may be gzipped ({@code .gz}, detected by content).
 */
public enum ImportFormat {
  JSONL,
  CSV;

  /** The format named by the file's extension, ignoring a trailing {@code .gz}. */
  public static Optional<ImportFormat> fromFileName(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return Optional.of(JSONL);
    }
    if (name.endsWith(".csv")) {
      return Optional.of(CSV);
    }
    return Optional.empty();
  }

  /**
   * Parses a {@code --format} value: {@code jsonl}, {@code json}, {@code ndjson} or {@code csv}.
   */
  public static ImportFormat parse(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "jsonl", "json", "ndjson" -> JSONL;
      case "csv" -> CSV;
      default -> throw new ImportException("unknown --format " + value + "; use jsonl or csv");
    };
  }
}
