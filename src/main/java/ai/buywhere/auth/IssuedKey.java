package ai.buywhere.auth;

/**
 * A key together with its secret, returned exactly once, when the key is created or rotated. The
 * secret is never stored and never logged; {@link #toString()} leaves it out.
 */
public record IssuedKey(ApiKey key, String secret) {
  @Override
  public String toString() {
    return "IssuedKey[" + key.id() + ", " + key.displayPrefix() + "…]";
  }
}
