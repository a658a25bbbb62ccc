package ai.buywhere.auth;

/**
 * Who is calling: a key (by id, display prefix, tier, role) or, when {@code ANONYMOUS_ACCESS} is
 * on, an anonymous caller identified by client IP. {@code bucketKey} names its rate-limit bucket;
 * for keys it is the key id, so a rotated key keeps its usage.
 */
public record Principal(
    String keyId,
    String keyPrefix,
    String name,
    Tier tier,
    Role role,
    RateLimit limit,
    String bucketKey,
    String clientIp) {

  public boolean anonymous() {
    return keyId == null;
  }

  public boolean admin() {
    return role == Role.ADMIN;
  }

  static Principal of(ApiKey key, RateLimit limit, String clientIp) {
    return new Principal(
        key.id(),
        key.displayPrefix(),
        key.name(),
        key.tier(),
        key.role(),
        limit,
        "key:" + key.id(),
        clientIp);
  }

  static Principal anonymous(RateLimit limit, String clientIp) {
    return new Principal(
        null, null, "anonymous", null, Role.AGENT, limit, "anon:" + clientIp, clientIp);
  }
}
