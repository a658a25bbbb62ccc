package ai.buywhere.ingest.api;

import ai.buywhere.api.ApiException;
import ai.buywhere.shared.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Request-body parsing shared by the ingestion routes; bad input is a 400 naming the field. */
final class Bodies {
  private Bodies() {}

  static JsonNode object(String body) {
    try {
      JsonNode n = body == null || body.isBlank() ? null : Json.mapper().readTree(body);
      if (n == null || !n.isObject()) {
        throw ApiException.invalid("body", "must be a JSON object");
      }
      return n;
    } catch (IOException e) {
      throw ApiException.invalid("body", "is not valid JSON");
    }
  }

  static <T> T as(JsonNode n, Class<T> type) {
    try {
      return Json.mapper().treeToValue(n, type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw ApiException.invalid(
          "body", "has a field of the wrong type: " + e.getOriginalMessage());
    }
  }

  /** {@code sources}: a non-empty array of globs, or null when {@code all} is true. */
  static List<String> globs(JsonNode body, boolean allowAll) {
    if (allowAll && body.path("all").asBoolean(false)) {
      return null;
    }
    JsonNode s = body.get("sources");
    if (s == null || !s.isArray() || s.isEmpty()) {
      throw ApiException.invalid(
          "sources",
          allowAll
              ? "must be a non-empty array of globs (or send \"all\": true)"
              : "must be a non-empty array of globs");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode g : s) {
      if (!g.isTextual() || g.asText().isBlank() || g.asText().length() > 100) {
        throw ApiException.invalid("sources", "must hold non-empty strings");
      }
      out.add(g.asText());
    }
    return out;
  }

  static String text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
