package ai.buywhere.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Key material: {@code bw_<tier>_<32 hex>} secrets from a {@link SecureRandom} (a seeded generator
 * would make secrets guessable, so this is the one place the project's "seeded randomness" rule
 * does not apply), their SHA-256 hash (what is stored and looked up) and the display prefix ({@code
 * bw_free_2f7a}, what logs and listings show).
 */
final class KeySecrets {
  static final Pattern FORMAT = Pattern.compile("bw_(free|live|partner)_[0-9a-f]{32}");
  private static final int PREFIX_HEX = 4;

  private final SecureRandom random;

  KeySecrets(SecureRandom random) {
    this.random = random;
  }

  String generate(Tier tier) {
    byte[] b = new byte[16];
    random.nextBytes(b);
    return tier.keyPrefix() + HexFormat.of().formatHex(b);
  }

  static boolean wellFormed(String secret) {
    return secret != null && FORMAT.matcher(secret).matches();
  }

  static String hash(String secret) {
    return HexFormat.of().formatHex(sha256(secret));
  }

  static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }

  /** The tier prefix plus four hex digits: enough to tell keys apart, useless for guessing. */
  static String displayPrefix(String wellFormedSecret) {
    int underscore = wellFormedSecret.lastIndexOf('_');
    return wellFormedSecret.substring(0, underscore + 1 + PREFIX_HEX);
  }
}
