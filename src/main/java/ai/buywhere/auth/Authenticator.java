package ai.buywhere.auth;

import ai.buywhere.api.ApiException;
import ai.buywhere.api.ErrorCode;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * Authenticates callers of the protected surfaces and spends their rate limit. The REST {@code /v1}
 * before-handler and the MCP servlet filter both call {@link #admit}: it returns the caller and the
 * {@code X-RateLimit-*} headers to set, or throws an {@link ApiException} — {@code 401
 * unauthorized} with a distinct message for a missing, malformed, unknown, revoked or expired key,
 * or {@code 429 rate_limited} whose {@link ApiException#headers()} carry {@code Retry-After} and
 * the rate-limit headers. Thread-safe.
 */
public final class Authenticator {
  /** Why authentication failed; the message is what the client reads. */
  enum Failure {
    MISSING(
        "Missing API key: send 'Authorization: Bearer <key>' (get a key at POST /v1/auth/register)"),
    MALFORMED("Malformed Authorization header: expected 'Bearer bw_<tier>_<32 hex digits>'"),
    UNKNOWN("Unknown API key"),
    REVOKED("API key has been revoked"),
    EXPIRED("API key has expired");

    final String message;

    Failure(String message) {
      this.message = message;
    }

    String reason() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A resolved key, or why there is none; {@code keyPrefix} is safe to log. */
  record Outcome(ApiKey key, Failure failure, String keyPrefix) {}

  private final AuthConfig config;
  private final ApiKeyService keys;
  private final RateLimiter limiter;
  private final SecurityLog securityLog;
  private final Clock clock;
  private final MeterRegistry registry;

  Authenticator(
      AuthConfig config,
      ApiKeyService keys,
      RateLimiter limiter,
      SecurityLog securityLog,
      Clock clock,
      MeterRegistry registry) {
    this.config = config;
    this.keys = keys;
    this.limiter = limiter;
    this.securityLog = securityLog;
    this.clock = clock;
    this.registry = registry;
  }

  /** The client IP, honouring {@code X-Forwarded-For} only from trusted proxies. */
  public String clientIp(String remoteAddr, String forwardedFor) {
    return config.trustedProxies().clientIp(remoteAddr, forwardedFor);
  }

  /**
   * Authenticates and spends one request of the caller's rate limit.
   *
   * @param authorization the {@code Authorization} header, or null
   * @param clientIp from {@link #clientIp}
   * @param path for the security log only
   */
  public Admission admit(String authorization, String clientIp, String path) {
    Principal p = authenticate(authorization, clientIp, path);
    RateLimitDecision d = limiter.check(p.bucketKey(), p.limit());
    if (!d.allowed()) {
      throw new ApiException(
          ErrorCode.RATE_LIMITED,
          "Rate limit exceeded ("
              + describe(p.limit())
              + "); retry after "
              + d.retryAfterSeconds()
              + " s",
          d.headers());
    }
    return new Admission(p, d);
  }

  /** Authenticates without spending rate limit; throws 401 as {@link #admit} does. */
  public Principal authenticate(String authorization, String clientIp, String path) {
    Outcome o = resolve(authorization);
    if (o.failure() == Failure.MISSING && config.anonymousAccess()) {
      return Principal.anonymous(config.anonymousLimit(), clientIp);
    }
    if (o.failure() != null) {
      registry.counter("auth_failures_total", "reason", o.failure().reason()).increment();
      securityLog.unauthorized(o.failure().reason(), o.keyPrefix(), clientIp, path);
      String message = o.failure().message;
      if (o.failure() == Failure.EXPIRED) {
        message += " (at " + o.key().expiresAt() + ")";
      }
      throw new ApiException(ErrorCode.UNAUTHORIZED, message);
    }
    keys.recordUse(o.key());
    return Principal.of(o.key(), config.limitFor(o.key().tier()), clientIp);
  }

  /** Resolves a header to an active key or a failure; logs nothing. */
  Outcome resolve(String authorization) {
    Optional<String> token = bearer(authorization);
    if (authorization == null || authorization.isBlank()) {
      return new Outcome(null, Failure.MISSING, null);
    }
    if (token.isEmpty() || !KeySecrets.wellFormed(token.get())) {
      return new Outcome(null, Failure.MALFORMED, null);
    }
    String prefix = KeySecrets.displayPrefix(token.get());
    Optional<ApiKey> key = keys.lookup(token.get());
    if (key.isEmpty()) {
      return new Outcome(null, Failure.UNKNOWN, prefix);
    }
    return switch (key.get().status(clock.instant())) {
      case REVOKED -> new Outcome(key.get(), Failure.REVOKED, prefix);
      case EXPIRED -> new Outcome(key.get(), Failure.EXPIRED, prefix);
      case ACTIVE -> new Outcome(key.get(), null, prefix);
    };
  }

  /** The token of a {@code Bearer} header (scheme case-insensitive), or empty. */
  static Optional<String> bearer(String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    String h = authorization.strip();
    if (h.length() < 8 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    String token = h.substring(7).strip();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  SecurityLog securityLog() {
    return securityLog;
  }

  private static String describe(RateLimit l) {
    StringBuilder sb = new StringBuilder();
    if (l.perMinute() > 0) {
      sb.append(l.perMinute()).append(" requests per minute");
    }
    if (l.perDay() > 0) {
      sb.append(sb.length() > 0 ? ", " : "").append(l.perDay()).append(" per day");
    }
    return sb.toString();
  }
}
