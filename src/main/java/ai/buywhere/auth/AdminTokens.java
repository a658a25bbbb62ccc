package ai.buywhere.auth;

import ai.buywhere.app.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin tokens that are valid right now: those of {@code ADMIN_TOKEN} plus those of {@code
 * ADMIN_TOKEN_FILE} (one per line or comma-separated, {@code #} comments). Several may be active at
 * once, so an operator rotates by adding the new token, switching clients, then removing the old
 * one, all without a restart: the file is re-read whenever its modification time or size changes
 * (checked on each admin request; admin traffic is small). A deleted file means no file tokens; an
 * unreadable one keeps the last good set and logs a warning.
 *
 * <p>Comparison is constant-time: the presented token and each configured one are hashed with
 * SHA-256 and compared with {@link MessageDigest#isEqual}, and every configured token is compared,
 * so neither the position of a mismatch nor which token matched shows in the timing.
 */
final class AdminTokens {
  private static final Logger log = LoggerFactory.getLogger(AdminTokens.class);

  private final List<byte[]> staticDigests;
  private final Optional<Path> file;
  private volatile List<byte[]> fileDigests = List.of();
  private volatile FileTime seenModified;
  private volatile long seenSize = -1;

  AdminTokens(List<String> tokens, Optional<Path> file) {
    this.staticDigests = tokens.stream().map(KeySecrets::sha256).toList();
    this.file = file;
    refresh();
  }

  /** Matching token's fingerprint (first 8 hex of its SHA-256), for the audit log. */
  Optional<String> match(String presented) {
    refresh();
    byte[] digest = KeySecrets.sha256(presented);
    boolean matched = false;
    for (byte[] d : staticDigests) {
      matched |= MessageDigest.isEqual(d, digest);
    }
    for (byte[] d : fileDigests) {
      matched |= MessageDigest.isEqual(d, digest);
    }
    return matched ? Optional.of(HexFormat.of().formatHex(digest, 0, 4)) : Optional.empty();
  }

  boolean anyConfigured() {
    refresh();
    return !staticDigests.isEmpty() || !fileDigests.isEmpty();
  }

  private synchronized void refresh() {
    if (file.isEmpty()) {
      return;
    }
    Path p = file.get();
    try {
      FileTime modified = Files.getLastModifiedTime(p);
      long size = Files.size(p);
      if (modified.equals(seenModified) && size == seenSize) {
        return;
      }
      fileDigests = readFile(p, "ADMIN_TOKEN_FILE").stream().map(KeySecrets::sha256).toList();
      seenModified = modified;
      seenSize = size;
      log.info("admin tokens re-read from {}: {} active", p, fileDigests.size());
    } catch (NoSuchFileException e) {
      if (!fileDigests.isEmpty()) {
        log.warn("ADMIN_TOKEN_FILE {} was removed; its tokens are no longer valid", p);
      }
      fileDigests = List.of();
      seenModified = null;
      seenSize = -1;
    } catch (IOException | ConfigException e) {
      log.warn(
          "cannot re-read ADMIN_TOKEN_FILE {}, keeping the previous tokens: {}", p, e.getMessage());
    }
  }

  /** Parses a token file; a token shorter than the minimum is an error naming {@code setting}. */
  static List<String> readFile(Path p, String setting) {
    List<String> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        for (String t : l.split(",")) {
          String token = t.strip();
          if (token.isEmpty()) {
            continue;
          }
          if (token.length() < AuthConfig.MIN_ADMIN_TOKEN) {
            throw new ConfigException(
                setting
                    + " holds a token shorter than "
                    + AuthConfig.MIN_ADMIN_TOKEN
                    + " characters");
          }
          out.add(token);
        }
      }
    } catch (IOException e) {
      throw new ConfigException(setting + " " + p + " cannot be read: " + e.getMessage());
    }
    return out;
  }
}
