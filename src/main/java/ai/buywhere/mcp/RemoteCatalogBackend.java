package ai.buywhere.mcp;

import ai.buywhere.api.ApiException;
import ai.buywhere.api.ApiJson;
import ai.buywhere.api.ErrorCode;
import ai.buywhere.api.Params;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Answers tools by calling a remote BuyWhere REST API ({@code buywhere mcp --api-url}) with the
 * caller's key; results are the remote JSON bodies, so the shapes are the REST ones by definition.
 * Product ids are checked locally before they go into a path. Remote errors keep their code and
 * message ({@code invalid_params} stays invalid params); an unreachable API is {@code
 * service_unavailable}. Thread-safe.
 */
final class RemoteCatalogBackend implements CatalogBackend {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI base;
  private final String apiKey;
  private final HttpClient http;

  RemoteCatalogBackend(URI base, String apiKey) {
    String b = base.toString();
    this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
    this.apiKey = apiKey;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  @Override
  public Object call(String tool, Map<String, Object> args) {
    Params p = Params.of(args);
    return switch (tool) {
      case "search_products" -> get("/v1/products/search", LocalCatalogBackend.requireQ(p), args);
      case "get_product" -> get("/v1/products/" + p.requiredUuid("id"), p, without(args, "id"));
      case "compare_products" -> get("/v1/products/compare", p, args);
      case "get_deals" -> get("/v1/products/deals", p, args);
      case "list_categories" -> get("/v1/categories", p, args);
      case "find_best_price" -> {
        LocalCatalogBackend.bestPriceParams(args);
        Map<String, Object> q = without(args, "product_name");
        q.put("q", args.get("product_name"));
        yield get("/v1/products/best-price", p, q);
      }
      case "get_price_history" ->
          get("/v1/products/" + p.requiredUuid("id") + "/price-history", p, without(args, "id"));
      case "find_similar" ->
          get("/v1/products/" + p.requiredUuid("id") + "/similar", p, without(args, "id"));
      default -> throw ApiException.notFound("Unknown tool " + tool);
    };
  }

  @Override
  public Object category(String slug, String countryCode) {
    Map<String, Object> q = new java.util.HashMap<>();
    if (countryCode != null) {
      q.put("country_code", countryCode);
    }
    return get("/v1/categories/" + encode(slug), Params.of(q), q);
  }

  private Object get(String path, Params validated, Map<String, Object> query) {
    StringJoiner qs = new StringJoiner("&");
    query.forEach(
        (k, v) -> {
          if (v != null) {
            String value =
                v instanceof List<?> l
                    ? String.join(",", l.stream().map(String::valueOf).toList())
                    : String.valueOf(v);
            qs.add(encode(k) + "=" + encode(value));
          }
        });
    URI uri = URI.create(base + path + (qs.length() == 0 ? "" : "?" + qs));
    HttpRequest.Builder req =
        HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json");
    if (apiKey != null && !apiKey.isBlank()) {
      req.header("Authorization", "Bearer " + apiKey.strip());
    }
    HttpResponse<String> resp;
    try {
      resp = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ApiException(
          ErrorCode.SERVICE_UNAVAILABLE, "BuyWhere API at " + base + " is unreachable: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "interrupted");
    }
    return body(resp);
  }

  private static Object body(HttpResponse<String> resp) {
    JsonNode json;
    try {
      json = ApiJson.mapper().readTree(resp.body());
    } catch (IOException e) {
      throw new ApiException(
          ErrorCode.SERVICE_UNAVAILABLE,
          "BuyWhere API answered " + resp.statusCode() + " without JSON");
    }
    if (resp.statusCode() / 100 == 2) {
      return ApiJson.mapper().convertValue(json, Map.class);
    }
    String message = json.at("/error/message").asText("HTTP " + resp.statusCode());
    throw new ApiException(code(resp.statusCode()), message);
  }

  private static ErrorCode code(int status) {
    for (ErrorCode c : ErrorCode.values()) {
      if (c.status() == status) {
        return c;
      }
    }
    return ErrorCode.SERVICE_UNAVAILABLE;
  }

  private static Map<String, Object> without(Map<String, Object> args, String key) {
    Map<String, Object> m = new java.util.HashMap<>(args);
    m.remove(key);
    return m;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
