package ai.buywhere.mcp;

import ai.buywhere.shared.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Validates tool output against the tool's output schema (JSON Schema 2020-12) for the MCP SDK.
 * Given to the SDK explicitly because its default validator is built for json-schema-validator 2.x,
 * while the project pins 1.5.x (the deploy feature's OpenAPI validator uses the 1.x API): the SDK's
 * default would fail with {@code NoClassDefFoundError} when the server is built. Compiled schemas
 * are cached per schema. Thread-safe.
 */
final class OutputSchemaValidator implements JsonSchemaValidator {
  private static final ObjectMapper JSON = Json.create();

  private final JsonSchemaFactory factory =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private final Map<Map<String, Object>, JsonSchema> compiled = new ConcurrentHashMap<>();

  @Override
  public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
    try {
      JsonSchema s = compiled.computeIfAbsent(schema, k -> factory.getSchema(JSON.valueToTree(k)));
      Set<ValidationMessage> errors = s.validate(JSON.valueToTree(structuredContent));
      if (errors.isEmpty()) {
        return ValidationResponse.asValid(JSON.writeValueAsString(structuredContent));
      }
      return ValidationResponse.asInvalid(
          "structured output does not match the output schema: "
              + errors.stream()
                  .map(ValidationMessage::getMessage)
                  .collect(Collectors.joining("; ")));
    } catch (JsonProcessingException | RuntimeException e) {
      return ValidationResponse.asInvalid("cannot validate structured output: " + e.getMessage());
    }
  }
}
