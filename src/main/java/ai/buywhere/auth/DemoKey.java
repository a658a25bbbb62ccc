package ai.buywhere.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The key {@code serve --demo} prints. Only hashes are stored, so the demo key's secret is kept in
 * {@code <DATA_DIR>/demo-api-key} (owner-readable only where the file system allows): each start
 * reuses it while it is still an active key and creates a fresh {@code live}-tier key (named {@code
 * demo}) otherwise — after a revoke, an expiry, a deleted file or a new database. A fixed,
 * well-known demo secret would be a valid credential on every installation, so there is none.
 */
public final class DemoKey {
  static final String FILE = "demo-api-key";

  private DemoKey() {}

  /** Returns a working key secret, creating and storing one if needed. */
  public static String ensure(ApiKeyService keys, Path dataDir) {
    Path file = dataDir.resolve(FILE);
    Optional<String> existing = read(file);
    if (existing.isPresent() && keys.active(existing.get()).isPresent()) {
      return existing.get();
    }
    IssuedKey issued = keys.create(NewKey.of("demo", Tier.LIVE, Role.AGENT));
    write(file, issued.secret());
    return issued.secret();
  }

  private static Optional<String> read(Path file) {
    try {
      return Files.isRegularFile(file)
          ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static void write(Path file, String secret) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(FILE + ".tmp");
      Files.deleteIfExists(tmp);
      Files.createFile(tmp);
      // on a non-POSIX file system the data dir's own permissions apply
      if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      }
      Files.writeString(tmp, secret + "\n", StandardCharsets.UTF_8);
      Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo key to " + file, e);
    }
  }
}
