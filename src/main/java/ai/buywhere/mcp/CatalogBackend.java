package ai.buywhere.mcp;

import java.util.Map;

/**
 * Where tool calls are answered. Results have the JSON shape of the matching REST response; errors
 * are {@link ai.buywhere.api.ApiException}s ({@code invalid_params} naming the argument, {@code
 * not_found}, ...). Implementations are thread-safe.
 */
public interface CatalogBackend {
  /**
   * Runs one tool.
   *
   * @param tool one of {@link ToolCatalog#NAMES}
   * @param arguments the tool's arguments as the client sent them (may be empty)
   * @return the REST response body, as records or as parsed JSON maps
   */
  Object call(String tool, Map<String, Object> arguments);

  /** {@code GET /v1/categories/{slug}?country_code=} (the category and its subcategories). */
  Object category(String slug, String countryCode);
}
