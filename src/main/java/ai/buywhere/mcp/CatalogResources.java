package ai.buywhere.mcp;

import ai.buywhere.api.ApiException;
import ai.buywhere.api.ApiJson;
import ai.buywhere.api.ErrorCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.ResourceTemplate;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resource template {@code buywhere://catalog/{country}}: the category tree of a market with
 * product counts, as JSON ({@code {country_code, categories:[{slug, name, product_count,
 * subcategories:[…]}]}}). Counts come from the same queries as {@code /v1/categories}, so the kill
 * switch applies. {@code ALL} means every market.
 */
final class CatalogResources {
  static final String TEMPLATE = "buywhere://catalog/{country}";
  private static final Pattern URI = Pattern.compile("buywhere://catalog/([A-Za-z]{2,3})");
  private static final int MAX_DEPTH = 4;

  private CatalogResources() {}

  static SyncResourceTemplateSpecification template(CatalogBackend backend) {
    return new SyncResourceTemplateSpecification(
        resourceTemplate(), (exchange, req) -> read(backend, req.uri()));
  }

  static McpStatelessServerFeatures.SyncResourceTemplateSpecification statelessTemplate(
      CatalogBackend backend) {
    return new McpStatelessServerFeatures.SyncResourceTemplateSpecification(
        resourceTemplate(), (context, req) -> read(backend, req.uri()));
  }

  private static ResourceTemplate resourceTemplate() {
    return ResourceTemplate.builder()
        .uriTemplate(TEMPLATE)
        .name("catalog")
        .title("Catalog categories of a market")
        .description(
            "Category tree with product counts for one market: {country} is an ISO 3166-1"
                + " alpha-2 code such as SG or US, or ALL for every market.")
        .mimeType("application/json")
        .build();
  }

  static ReadResourceResult read(CatalogBackend backend, String uri) {
    Matcher m = URI.matcher(uri == null ? "" : uri);
    if (!m.matches()) {
      throw McpError.RESOURCE_NOT_FOUND.apply(uri);
    }
    String country = m.group(1).toUpperCase(Locale.ROOT);
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("country_code", country);
    try {
      String cc = country.equals("ALL") ? null : country;
      Map<String, Object> args = cc == null ? Map.of() : Map.of("country_code", cc);
      List<Map<String, Object>> top = data(backend.call("list_categories", args), "data");
      tree.put("categories", withChildren(backend, top, cc, 1));
      return new ReadResourceResult(
          List.of(
              new TextResourceContents(
                  uri, "application/json", ApiJson.mapper().writeValueAsString(tree))));
    } catch (ApiException e) {
      int code =
          e.code() == ErrorCode.INVALID_PARAMS
              ? McpSchema.ErrorCodes.INVALID_PARAMS
              : McpSchema.ErrorCodes.INTERNAL_ERROR;
      throw McpError.builder(code).message(e.getMessage()).build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("category tree is not serialisable", e);
    }
  }

  private static List<Map<String, Object>> withChildren(
      CatalogBackend backend, List<Map<String, Object>> cats, String cc, int depth) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> c : cats) {
      Map<String, Object> node = new LinkedHashMap<>();
      node.put("slug", c.get("slug"));
      node.put("name", c.get("name"));
      node.put("product_count", c.get("product_count"));
      List<Map<String, Object>> subs =
          depth >= MAX_DEPTH
              ? List.of()
              : data(backend.category(String.valueOf(c.get("slug")), cc), "subcategories");
      node.put("subcategories", withChildren(backend, subs, cc, depth + 1));
      out.add(node);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> data(Object body, String field) {
    Map<String, Object> map = ApiJson.mapper().convertValue(body, Map.class);
    Object list = map.get(field);
    return list instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
  }
}
