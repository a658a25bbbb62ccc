package ai.buywhere.ops.flags;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the last good contents of the flags file. {@link #reload()} re-reads the path (following a
 * ConfigMap's symlink swap, since it opens the path each time); a missing, unreadable or invalid
 * file keeps the previous values and records the error, logged once per distinct error and shown in
 * {@link #status()}.
 *
 * <p>Thread-safe: one writer (the reload task or a caller), readers see an immutable snapshot.
 */
final class FlagsFileWatcher {
  private static final Logger log = LoggerFactory.getLogger(FlagsFileWatcher.class);

  /** What {@code /health} shows about the file. */
  record Status(
      String path,
      boolean ok,
      String error,
      Instant lastLoadedAt,
      Instant lastCheckedAt,
      List<String> unknownKeys) {}

  private final Path path;
  private final FlagsFileParser parser;
  private final Clock clock;
  private volatile Map<String, Boolean> values = Map.of();
  private volatile Status status;

  FlagsFileWatcher(Path path, FlagRegistry registry, Clock clock) {
    this.path = path;
    this.parser = new FlagsFileParser(registry);
    this.clock = clock;
    this.status =
        new Status(path == null ? null : path.toString(), true, null, null, null, List.of());
  }

  Map<String, Boolean> values() {
    return values;
  }

  Status status() {
    return status;
  }

  /** Re-reads the file now; returns true when it loaded cleanly. No-op without a path. */
  synchronized boolean reload() {
    if (path == null) {
      return true;
    }
    Instant now = clock.instant();
    Status prev = status;
    try {
      String text = Files.readString(path, StandardCharsets.UTF_8);
      FlagsFileParser.Parsed parsed = parser.parse(text);
      if (!parsed.values().equals(values) || !prev.ok()) {
        log.info("feature flags file {} loaded: {}", path, parsed.values());
      }
      if (!parsed.unknownKeys().isEmpty() && !parsed.unknownKeys().equals(prev.unknownKeys())) {
        log.warn("feature flags file {} names unknown flags {}", path, parsed.unknownKeys());
      }
      values = parsed.values();
      status = new Status(path.toString(), true, null, now, now, parsed.unknownKeys());
      return true;
    } catch (NoSuchFileException e) {
      return fail(prev, now, "file not found");
    } catch (IOException e) {
      return fail(prev, now, "cannot read: " + e.getMessage());
    } catch (InvalidFlagsFileException e) {
      return fail(prev, now, e.getMessage());
    } catch (RuntimeException e) {
      // the reload runs on a scheduler: an unexpected failure must not end the schedule
      return fail(prev, now, e.toString());
    }
  }

  private boolean fail(Status prev, Instant now, String problem) {
    String error =
        "FEATURE_FLAGS_FILE " + path + " rejected (" + problem + "); keeping last good values";
    if (!error.equals(prev.error())) {
      log.error(error);
    }
    status =
        new Status(path.toString(), false, error, prev.lastLoadedAt(), now, prev.unknownKeys());
    return false;
  }
}
