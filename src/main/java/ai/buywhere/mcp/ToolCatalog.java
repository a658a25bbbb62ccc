package ai.buywhere.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tool definitions of {@code /mcp/tools.json}: name, title, description for a model, input
 * schema and output schema. Output schemas name shared shapes as {@code "#product"} / {@code
 * "#meta"}; they are inlined here so that every client's validator sees self-contained schemas.
 */
final class ToolCatalog {
  static final List<String> NAMES =
      List.of(
          "search_products",
          "get_product",
          "compare_products",
          "get_deals",
          "list_categories",
          "find_best_price",
          "get_price_history",
          "find_similar");

  record ToolDef(
      String name,
      String title,
      String description,
      Map<String, Object> inputSchema,
      Map<String, Object> outputSchema) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private ToolCatalog() {}

  @SuppressWarnings("unchecked")
  static List<ToolDef> load() {
    JsonNode root;
    try (InputStream in = ToolCatalog.class.getResourceAsStream("/mcp/tools.json")) {
      root = JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /mcp/tools.json", e);
    }
    JsonNode shapes = root.get("shapes");
    JsonNode outputs = root.get("outputs");
    List<ToolDef> defs = new ArrayList<>();
    for (JsonNode t : root.get("tools")) {
      JsonNode output = resolve(resolve(outputs.get(t.get("output").asText()), shapes), shapes);
      defs.add(
          new ToolDef(
              t.get("name").asText(),
              t.get("title").asText(),
              t.get("description").asText(),
              JSON.convertValue(t.get("input"), Map.class),
              JSON.convertValue(output, Map.class)));
    }
    if (!defs.stream().map(ToolDef::name).toList().equals(NAMES)) {
      throw new IllegalStateException("tools.json does not define exactly " + NAMES);
    }
    return List.copyOf(defs);
  }

  /** A copy of {@code node} with every {@code "#shape"} string replaced by that shape. */
  private static JsonNode resolve(JsonNode node, JsonNode shapes) {
    if (node.isTextual() && node.asText().startsWith("#")) {
      JsonNode shape = shapes.get(node.asText().substring(1));
      if (shape == null) {
        throw new IllegalStateException("tools.json: unknown shape " + node.asText());
      }
      return resolve(shape, shapes);
    }
    if (node.isObject()) {
      ObjectNode copy = JSON.createObjectNode();
      node.fields().forEachRemaining(e -> copy.set(e.getKey(), resolve(e.getValue(), shapes)));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JSON.createArrayNode();
      node.forEach(n -> copy.add(resolve(n, shapes)));
      return copy;
    }
    return node;
  }
}
