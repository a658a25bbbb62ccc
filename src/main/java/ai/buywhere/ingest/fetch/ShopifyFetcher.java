package ai.buywhere.ingest.fetch;

import ai.buywhere.ingest.Source;
import ai.buywhere.ingest.normalize.Prices;
import ai.buywhere.ingest.normalize.RawProduct;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shopify storefront {@code /products.json?limit=250&page=N} until an empty page (or {@code
 * max_pages}, default 400). One row per product: the lowest-priced variant's price, its {@code
 * compare_at_price} as original price, vendor → brand, product type → category, first tag when
 * there is no type, first image, in stock when any variant is available. Shopify's JSON carries no
 * currency, so the source's configured currency applies.
 */
final class ShopifyFetcher implements SourceFetcher {
  static final int PAGE_SIZE = 250;
  private final HttpFetcher http;

  ShopifyFetcher(HttpFetcher http) {
    this.http = http;
  }

  @Override
  public void fetch(Source source, PageSink sink) {
    String base = Fetchers.trimSlash(source.url()).replaceFirst("/products\\.json.*$", "");
    int maxPages = source.intOption("max_pages", 400);
    for (int page = 1; page <= maxPages; page++) {
      HttpFetcher.Response r =
          http.get(base + "/products.json?limit=" + PAGE_SIZE + "&page=" + page);
      JsonNode products = Fetchers.parseJson(r).get("products");
      if (products == null || !products.isArray()) {
        throw new FetchException("no \"products\" array in " + r.uri());
      }
      if (products.isEmpty()) {
        return;
      }
      List<RawProduct> rows = new ArrayList<>(products.size());
      for (JsonNode p : products) {
        rows.add(row(base, p));
      }
      sink.page(rows);
      if (products.size() < PAGE_SIZE) {
        return;
      }
    }
  }

  static RawProduct row(String base, JsonNode p) {
    JsonNode best = null;
    BigDecimal bestPrice = null;
    boolean available = false;
    for (JsonNode v : iter(p.get("variants"))) {
      BigDecimal price = Prices.amount(Fetchers.text(v, "price")).orElse(null);
      if (price != null
          && price.signum() > 0
          && (bestPrice == null || price.compareTo(bestPrice) < 0)) {
        best = v;
        bestPrice = price;
      }
      available |= !v.has("available") || v.get("available").asBoolean(false);
    }
    if (best == null && p.has("variants") && p.get("variants").size() > 0) {
      best = p.get("variants").get(0);
    }
    Map<String, String> attrs = new LinkedHashMap<>();
    for (JsonNode o : iter(p.get("options"))) {
      JsonNode values = o.get("values");
      if (o.hasNonNull("name") && values != null && values.size() == 1) {
        attrs.put(o.get("name").asText(), values.get(0).asText());
      }
    }
    List<String> category = new ArrayList<>();
    String type = Fetchers.text(p, "product_type");
    if (type != null) {
      category.add(type);
    } else if (!tags(p).isEmpty()) {
      category.add(tags(p).get(0));
    }
    String handle = Fetchers.text(p, "handle");
    JsonNode images = p.get("images");
    String image = images != null && images.size() > 0 ? Fetchers.text(images.get(0), "src") : null;
    return RawProduct.builder()
        .sku(Fetchers.text(p, "id"))
        .title(Fetchers.text(p, "title"))
        .description(Fetchers.text(p, "body_html"))
        .brand(Fetchers.text(p, "vendor"))
        .url(handle == null ? null : base + "/products/" + handle)
        .imageUrl(image)
        .price(best == null ? null : Fetchers.text(best, "price"))
        .originalPrice(best == null ? null : Fetchers.text(best, "compare_at_price"))
        .availability(available ? "in_stock" : "out_of_stock")
        .categoryPath(category)
        .attributes(attrs)
        .gtin(best == null ? null : Fetchers.text(best, "barcode"))
        .model(best == null ? null : Fetchers.text(best, "sku"))
        .build();
  }

  static List<String> tags(JsonNode p) {
    JsonNode t = p.get("tags");
    if (t == null || t.isNull()) {
      return List.of();
    }
    if (t.isArray()) {
      List<String> out = new ArrayList<>();
      t.forEach(x -> out.add(x.asText().trim()));
      return out;
    }
    return Arrays.stream(t.asText().split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  static Iterable<JsonNode> iter(JsonNode n) {
    return n == null || !n.isArray() ? List.of() : n;
  }
}
