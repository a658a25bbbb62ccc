package ai.buywhere.auth;

import ai.buywhere.api.ApiException;
import ai.buywhere.api.ErrorCode;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;

/**
 * Decides whether a request may reach {@code /admin/*}: an active admin token, or an active key
 * with role {@code admin}. No or an invalid credential is {@code 401 unauthorized}; a valid
 * customer key is {@code 403 forbidden}. Every refusal is logged with the {@code FORBIDDEN} marker
 * (throttled per IP). Returns the actor name the audit log records.
 */
final class AdminGuard {
  private final AdminTokens tokens;
  private final Authenticator authenticator;
  private final MeterRegistry registry;

  AdminGuard(AdminTokens tokens, Authenticator authenticator, MeterRegistry registry) {
    this.tokens = tokens;
    this.authenticator = authenticator;
    this.registry = registry;
  }

  String authorize(String authorization, String clientIp, String path) {
    Optional<String> token = Authenticator.bearer(authorization);
    if (token.isEmpty()) {
      throw deny(
          ErrorCode.UNAUTHORIZED,
          authorization == null || authorization.isBlank() ? "missing" : "malformed",
          null,
          clientIp,
          path,
          "Admin credential required: send 'Authorization: Bearer <ADMIN_TOKEN or admin key>'");
    }
    Optional<String> fingerprint = tokens.match(token.get());
    if (fingerprint.isPresent()) {
      return "admin_token:" + fingerprint.get();
    }
    if (!KeySecrets.wellFormed(token.get())) {
      throw deny(
          ErrorCode.UNAUTHORIZED, "bad_admin_token", null, clientIp, path, "Invalid admin token");
    }
    Authenticator.Outcome o = authenticator.resolve(authorization);
    if (o.failure() != null) {
      throw deny(
          ErrorCode.UNAUTHORIZED,
          o.failure().reason(),
          o.keyPrefix(),
          clientIp,
          path,
          o.failure().message);
    }
    if (o.key().role() != Role.ADMIN) {
      throw deny(
          ErrorCode.FORBIDDEN,
          "not_admin",
          o.keyPrefix(),
          clientIp,
          path,
          "This API key does not have the admin role");
    }
    return "key:" + o.key().id();
  }

  private ApiException deny(
      ErrorCode code, String reason, String prefix, String ip, String path, String message) {
    registry.counter("admin_auth_failures_total", "reason", reason).increment();
    authenticator.securityLog().forbidden(reason, prefix, ip, path);
    return new ApiException(code, message);
  }
}
