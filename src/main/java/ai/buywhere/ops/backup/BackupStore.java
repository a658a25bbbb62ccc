package ai.buywhere.ops.backup;

import ai.buywhere.shared.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backup catalogue on disk: {@code <root>/<tier>/<id><ext>} plus {@code <id>.manifest.json}.
 *
 * <p>Atomicity: data is written to a hidden {@code .<name>.partial} file, fsynced and renamed; the
 * manifest is written the same way and renamed last. Only entries whose manifest and data file both
 * exist are listed, so a process killed at any point leaves at most an unlisted partial file, which
 * {@link #cleanStale} removes once it is older than any backup could take.
 */
final class BackupStore {
  private static final Logger log = LoggerFactory.getLogger(BackupStore.class);
  static final String MANIFEST_SUFFIX = ".manifest.json";
  static final String PARTIAL_SUFFIX = ".partial";
  private static final Duration STALE = Duration.ofHours(6);

  private final BackupConfig config;

  BackupStore(BackupConfig config) {
    this.config = config;
  }

  BackupConfig config() {
    return config;
  }

  /** A fresh hidden temp path in the tier directory, for the engine to write to. */
  Path partialPath(BackupTier tier, String fileName) {
    Path dir = config.tierDir(tier);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new BackupException("cannot create backup directory " + dir + ": " + e.getMessage());
    }
    return dir.resolve("." + fileName + PARTIAL_SUFFIX);
  }

  /** Publishes a finished data file and then its manifest; returns the listed entry. */
  BackupEntry publish(BackupTier tier, Path partial, BackupManifest manifest) {
    Path dir = config.tierDir(tier);
    Path data = dir.resolve(manifest.file());
    Path manifestPath = dir.resolve(manifest.id() + MANIFEST_SUFFIX);
    try {
      force(partial);
      move(partial, data);
      Path manifestPartial = dir.resolve("." + manifest.id() + MANIFEST_SUFFIX + PARTIAL_SUFFIX);
      Files.write(
          manifestPartial,
          Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
      force(manifestPartial);
      move(manifestPartial, manifestPath);
      forceDir(dir);
      return new BackupEntry(manifest, data, manifestPath);
    } catch (IOException e) {
      throw new BackupException(
          "cannot publish backup " + manifest.id() + ": " + e.getMessage(), e);
    }
  }

  /** Listed backups of the tier (or all tiers), newest first. */
  List<BackupEntry> list(Optional<BackupTier> tier) {
    List<BackupEntry> out = new ArrayList<>();
    for (BackupTier t : tier.map(List::of).orElse(List.of(BackupTier.values()))) {
      Path dir = config.tierDir(t);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*" + MANIFEST_SUFFIX)) {
        for (Path m : ds) {
          if (m.getFileName().toString().startsWith(".")) {
            continue;
          }
          readEntry(m).ifPresent(out::add);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    out.sort(Comparator.comparing((BackupEntry e) -> e.manifest().createdAt()).reversed());
    return out;
  }

  /** Reads a manifest; empty when unreadable or its data file is missing. */
  Optional<BackupEntry> readEntry(Path manifestPath) {
    try {
      BackupManifest m = Json.mapper().readValue(manifestPath.toFile(), BackupManifest.class);
      Path data = m.dataFile(manifestPath.getParent());
      if (!Files.isRegularFile(data)) {
        return Optional.empty();
      }
      return Optional.of(new BackupEntry(m, data, manifestPath));
    } catch (IOException e) {
      log.warn("ignoring unreadable backup manifest {}: {}", manifestPath, e.getMessage());
      return Optional.empty();
    }
  }

  /** Deletes all but the newest {@code keep} backups of the tier; returns what was deleted. */
  List<BackupEntry> prune(BackupTier tier, int keep) {
    List<BackupEntry> entries = list(Optional.of(tier));
    List<BackupEntry> deleted = new ArrayList<>();
    for (int i = keep; i < entries.size(); i++) {
      BackupEntry e = entries.get(i);
      try {
        // Manifest first: from then on the backup is no longer listed, whatever happens next.
        Files.deleteIfExists(e.manifestPath());
        Files.deleteIfExists(e.path());
        deleted.add(e);
      } catch (IOException ex) {
        throw new BackupException("cannot delete backup " + e.id() + ": " + ex.getMessage(), ex);
      }
    }
    cleanStale(tier, Instant.now());
    return deleted;
  }

  /** Removes partial files and manifest-less data files older than any backup could run. */
  void cleanStale(BackupTier tier, Instant now) {
    Path dir = config.tierDir(tier);
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        if (name.endsWith(MANIFEST_SUFFIX)) {
          continue;
        }
        boolean partial = name.startsWith(".") && name.contains(PARTIAL_SUFFIX);
        boolean orphan =
            !name.startsWith(".")
                && !Files.exists(dir.resolve(stripExtension(name) + MANIFEST_SUFFIX));
        if ((partial || orphan)
            && Files.getLastModifiedTime(p).toInstant().isBefore(now.minus(STALE))) {
          Files.deleteIfExists(p);
          log.info("removed stale backup leftover {}", p);
        }
      }
    } catch (IOException e) {
      log.warn("cannot clean {}: {}", dir, e.getMessage());
    }
  }

  private static String stripExtension(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  static String sha256(Path file) {
    MessageDigest md = TableFingerprint.sha256();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    } catch (IOException e) {
      throw new BackupException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the backup directory does not support atomic renames", e);
    }
  }

  static void force(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
  }

  private static void forceDir(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Not every file system lets a directory be fsynced; the renames are still atomic.
    }
  }

  /** Writes a small file atomically (temp + rename). */
  static void writeAtomically(Path target, byte[] content) {
    try {
      Path parent = target.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path tmp = parent.resolve("." + target.getFileName() + PARTIAL_SUFFIX);
      Files.write(tmp, content);
      force(tmp);
      move(tmp, target);
    } catch (IOException e) {
      throw new BackupException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }
}
