package ai.buywhere.ops.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks live responses against the 200/201 response schema of an OpenAPI 3.0 document (the
 * deployment's own {@code /openapi.json}). The response schema is validated by networknt's JSON
 * Schema validator in its OpenAPI 3.0 dialect, with the document's {@code components} attached so
 * that {@code $ref}s resolve.
 */
final class OpenApiResponseValidator {
  private final JsonNode spec;
  private final JsonSchemaFactory factory =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V4,
          b ->
              b.metaSchema(OpenApi30.getInstance())
                  .defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));

  OpenApiResponseValidator(JsonNode spec) {
    this.spec = spec;
  }

  /**
   * Problems of {@code body} as the {@code status} response of {@code method path} (a concrete path
   * such as {@code /v1/products/abc}); one entry naming the gap when the document does not describe
   * the operation.
   */
  List<String> validate(String method, String path, int status, JsonNode body) {
    JsonNode op = findOperation(method.toLowerCase(java.util.Locale.ROOT), path);
    if (op == null) {
      return List.of("the OpenAPI document does not describe " + method + " " + path);
    }
    JsonNode schema =
        op.path("responses")
            .path(String.valueOf(status))
            .path("content")
            .path("application/json")
            .path("schema");
    if (schema.isMissingNode()) {
      return List.of(
          "the OpenAPI document has no JSON schema for " + method + " " + path + " " + status);
    }
    ObjectNode doc = schema.deepCopy();
    if (spec.has("components")) {
      doc.set("components", spec.get("components"));
    }
    JsonSchema js = factory.getSchema(doc);
    List<String> out = new ArrayList<>();
    for (ValidationMessage m : js.validate(body)) {
      out.add(m.getMessage());
    }
    return out;
  }

  private JsonNode findOperation(String method, String path) {
    String basePath = basePath();
    Iterator<Map.Entry<String, JsonNode>> it = spec.path("paths").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      for (String candidate : List.of(e.getKey(), basePath + e.getKey())) {
        if (matches(candidate, path) && e.getValue().has(method)) {
          return e.getValue().get(method);
        }
      }
    }
    return null;
  }

  private String basePath() {
    JsonNode servers = spec.path("servers");
    if (servers.isArray() && servers.size() > 0) {
      String url = servers.get(0).path("url").asText("");
      int scheme = url.indexOf("://");
      String rest = scheme >= 0 ? url.substring(scheme + 3) : url;
      int slash = rest.indexOf('/');
      String p = slash >= 0 ? rest.substring(slash) : (url.startsWith("/") ? url : "");
      return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
    return "";
  }

  /** Template match: {@code /v1/products/{id}} matches {@code /v1/products/123}. */
  static boolean matches(String template, String path) {
    String[] t = template.split("/");
    String[] p = path.split("\\?")[0].split("/");
    if (t.length != p.length) {
      return false;
    }
    for (int i = 0; i < t.length; i++) {
      if (!(t[i].startsWith("{") && t[i].endsWith("}")) && !t[i].equals(p[i])) {
        return false;
      }
    }
    return true;
  }
}
