package ai.buywhere.auth;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One admin action: who ({@code actor}: {@code admin_token:<fingerprint>}, {@code key:<id>} or
 * {@code cli:<user>}), what ({@code action}, {@code target}, {@code status}, {@code detail}), when
 * and from where ({@code clientIp}).
 */
public record AuditEntry(
    String id,
    Instant at,
    String actor,
    String action,
    String target,
    String clientIp,
    Integer status,
    String detail) {

  public Map<String, Object> toWire() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("at", at.toString());
    m.put("actor", actor);
    m.put("action", action);
    m.put("target", target);
    m.put("client_ip", clientIp);
    m.put("status", status);
    m.put("detail", detail);
    return m;
  }
}
