package ai.buywhere.ingest.api;

import ai.buywhere.api.ApiException;
import ai.buywhere.api.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may push rows. Returns the actor or throws 401/403. {@link #adminToken} is the interim check:
 * a {@code Bearer} token equal to {@code ADMIN_TOKEN} (constant-time). The composition root swaps
 * in the auth module's key check (role {@code admin}, or an ingest role) when it lands.
 */
@FunctionalInterface
public interface PushAuthorizer {
  String authorize(String authorizationHeader);

  static PushAuthorizer adminToken(String adminToken) {
    return header -> {
      if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        throw new ApiException(
            ErrorCode.UNAUTHORIZED, "Send 'Authorization: Bearer <token>' to push products");
      }
      byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
      if (adminToken == null
          || adminToken.isBlank()
          || !MessageDigest.isEqual(given, adminToken.getBytes(StandardCharsets.UTF_8))) {
        throw new ApiException(ErrorCode.FORBIDDEN, "This credential may not push products");
      }
      return "admin_token";
    };
  }
}
