package ai.buywhere.mcp;

import ai.buywhere.api.ApiException;
import ai.buywhere.api.BestPriceParams;
import ai.buywhere.api.CatalogQueryService;
import ai.buywhere.api.CategoryParams;
import ai.buywhere.api.CompareParams;
import ai.buywhere.api.DealsParams;
import ai.buywhere.api.ErrorCode;
import ai.buywhere.api.Params;
import ai.buywhere.api.ProductParams;
import ai.buywhere.api.SearchParams;
import java.util.HashMap;
import java.util.Map;

/**
 * Answers tools from the local catalog through the REST API's own {@link CatalogQueryService}: same
 * parameter validation, same response records, same market kill switch.
 */
public final class LocalCatalogBackend implements CatalogBackend {
  private final CatalogQueryService service;

  public LocalCatalogBackend(CatalogQueryService service) {
    this.service = service;
  }

  @Override
  public Object call(String tool, Map<String, Object> arguments) {
    Params p = Params.of(arguments);
    return switch (tool) {
      case "search_products" -> service.search(SearchParams.from(requireQ(p)));
      case "get_product" -> service.product(ProductParams.product(p));
      case "compare_products" -> service.compare(CompareParams.from(p));
      case "get_deals" -> service.deals(DealsParams.from(p));
      case "list_categories" -> service.categories(CategoryParams.list(p));
      case "find_best_price" -> service.bestPrice(bestPriceParams(arguments));
      case "get_price_history" -> service.priceHistory(ProductParams.priceHistory(p));
      case "find_similar" -> service.similar(ProductParams.similar(p));
      default -> throw ApiException.notFound("Unknown tool " + tool);
    };
  }

  @Override
  public Object category(String slug, String countryCode) {
    Map<String, Object> args = new HashMap<>();
    args.put("slug", slug);
    if (countryCode != null) {
      args.put("country_code", countryCode);
    }
    return service.category(CategoryParams.detail(Params.of(args)));
  }

  /** {@code q} is optional on REST search but required by the tool. */
  static Params requireQ(Params p) {
    p.string("q").orElseThrow(() -> ApiException.invalid("q", "is required"));
    return p;
  }

  /** The tool's {@code product_name} is REST's {@code q}; errors keep naming the tool argument. */
  static BestPriceParams bestPriceParams(Map<String, Object> arguments) {
    Map<String, Object> args = new HashMap<>(arguments);
    args.remove("q");
    Object name = args.remove("product_name");
    if (name == null || String.valueOf(name).isBlank()) {
      throw ApiException.invalid("product_name", "is required");
    }
    args.put("q", name);
    try {
      return BestPriceParams.from(Params.of(args));
    } catch (ApiException e) {
      if (e.code() == ErrorCode.INVALID_PARAMS && e.getMessage().startsWith("Parameter 'q'")) {
        throw ApiException.invalid(
            "product_name", e.getMessage().substring("Parameter 'q' ".length()));
      }
      throw e;
    }
  }
}
