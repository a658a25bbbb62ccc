package ai.buywhere.auth;

import ai.buywhere.api.ApiException;
import ai.buywhere.shared.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** A request's JSON object body with typed, validating field access (400s name the field). */
record JsonBody(JsonNode root) {
  static JsonBody parse(String body, boolean required) {
    if (body == null || body.isBlank()) {
      if (required) {
        throw ApiException.invalid("body", "must be a JSON object");
      }
      return new JsonBody(Json.mapper().createObjectNode());
    }
    try {
      JsonNode n = Json.mapper().readTree(body);
      if (n == null || !n.isObject()) {
        throw ApiException.invalid("body", "must be a JSON object");
      }
      return new JsonBody(n);
    } catch (JsonProcessingException e) {
      throw ApiException.invalid("body", "is not valid JSON");
    }
  }

  /** The string field, or null when absent or JSON null; 400 when not a string. */
  String string(String field) {
    JsonNode v = root.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw ApiException.invalid(field, "must be a string");
    }
    return v.asText();
  }

  Integer integer(String field, int min, int max) {
    JsonNode v = root.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
      throw ApiException.invalid(field, "must be a whole number between " + min + " and " + max);
    }
    return v.asInt();
  }
}
