package ai.buywhere.ops.flags;

import ai.buywhere.api.ApiException;
import ai.buywhere.shared.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

/** Strict JSON body parsing for the admin routes: anything malformed is a 400 naming the field. */
final class RequestBodies {
  static final int MAX_REASON = 500;

  private RequestBodies() {}

  static JsonNode object(Context ctx) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(ctx.body());
    } catch (Exception e) {
      throw ApiException.invalid("body", "must be a JSON object");
    }
    if (root == null || !root.isObject()) {
      throw ApiException.invalid("body", "must be a JSON object");
    }
    return root;
  }

  static String requiredText(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || !n.isTextual() || n.asText().isBlank()) {
      throw ApiException.invalid(field, "is required and must be a non-empty string");
    }
    return n.asText().trim();
  }

  static boolean requiredBoolean(JsonNode n, String field) {
    if (n == null || !n.isBoolean()) {
      throw ApiException.invalid(field, "is required and must be true or false");
    }
    return n.booleanValue();
  }

  /** Optional reason: absent or null is fine; anything else must be a string of ≤ 500 chars. */
  static String reason(JsonNode n, String field) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual() || n.asText().length() > MAX_REASON) {
      throw ApiException.invalid(
          field, "must be a string of at most " + MAX_REASON + " characters");
    }
    return n.asText().isBlank() ? null : n.asText().trim();
  }

  static String reasonParam(Context ctx) {
    String r = ctx.queryParam("reason");
    if (r != null && r.length() > MAX_REASON) {
      throw ApiException.invalid("reason", "must be at most " + MAX_REASON + " characters");
    }
    return r == null || r.isBlank() ? null : r.trim();
  }
}
