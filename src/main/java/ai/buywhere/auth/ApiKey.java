package ai.buywhere.auth;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stored API key, without its secret. {@code id} is the stable identity: rotation changes the
 * secret and {@code displayPrefix} but keeps id, usage and rate-limit buckets.
 */
public record ApiKey(
    String id,
    String name,
    Tier tier,
    Role role,
    String displayPrefix,
    String contact,
    String useCase,
    Instant createdAt,
    Instant expiresAt,
    Instant revokedAt,
    Instant rotatedAt,
    Instant lastUsedAt) {

  public enum Status {
    ACTIVE,
    REVOKED,
    EXPIRED
  }

  public Status status(Instant now) {
    if (revokedAt != null) {
      return Status.REVOKED;
    }
    if (expiresAt != null && !now.isBefore(expiresAt)) {
      return Status.EXPIRED;
    }
    return Status.ACTIVE;
  }

  /** The admin API's JSON shape (snake_case, ISO-8601 times). */
  public Map<String, Object> toWire(Instant now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("name", name);
    m.put("tier", tier.wire());
    m.put("role", role.wire());
    m.put("key_prefix", displayPrefix);
    m.put("status", status(now).name().toLowerCase(java.util.Locale.ROOT));
    m.put("contact", contact);
    m.put("use_case", useCase);
    m.put("created_at", iso(createdAt));
    m.put("expires_at", iso(expiresAt));
    m.put("revoked_at", iso(revokedAt));
    m.put("rotated_at", iso(rotatedAt));
    m.put("last_used_at", iso(lastUsedAt));
    return m;
  }

  private static String iso(Instant t) {
    return t == null ? null : t.toString();
  }
}
