package ai.buywhere.api;

import java.util.Locale;

/**
 * Stable error codes of the public contract (plus {@code forbidden}, {@code conflict} and {@code
 * payload_too_large} for admin and ingest routes, {@code method_not_allowed} for a known path asked
 * with the wrong method) and the HTTP status each maps to.
 */
public enum ErrorCode {
  INVALID_PARAMS(400),
  UNAUTHORIZED(401),
  FORBIDDEN(403),
  NOT_FOUND(404),
  METHOD_NOT_ALLOWED(405),
  CONFLICT(409),
  PAYLOAD_TOO_LARGE(413),
  RATE_LIMITED(429),
  INTERNAL_ERROR(500),
  SERVICE_UNAVAILABLE(503);

  private final int status;

  ErrorCode(int status) {
    this.status = status;
  }

  public int status() {
    return status;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
