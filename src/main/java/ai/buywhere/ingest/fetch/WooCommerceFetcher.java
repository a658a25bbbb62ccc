package ai.buywhere.ingest.fetch;

import ai.buywhere.ingest.Source;
import ai.buywhere.ingest.normalize.Prices;
import ai.buywhere.ingest.normalize.RawProduct;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WooCommerce Store API {@code /wp-json/wc/store/products?per_page=100&page=N}. Prices are strings
 * of minor units with {@code currency_minor_unit} digits (0 for VND/JPY: {@code "1500000"} is 1.5
 * million, never divided by 100); {@code currency_code} is the row's currency.
 */
final class WooCommerceFetcher implements SourceFetcher {
  static final int PAGE_SIZE = 100;
  private final HttpFetcher http;

  WooCommerceFetcher(HttpFetcher http) {
    this.http = http;
  }

  @Override
  public void fetch(Source source, PageSink sink) {
    String base = Fetchers.trimSlash(source.url()).replaceFirst("/wp-json/wc/store.*$", "");
    int maxPages = source.intOption("max_pages", 1000);
    for (int page = 1; page <= maxPages; page++) {
      HttpFetcher.Response r =
          http.get(base + "/wp-json/wc/store/products?per_page=" + PAGE_SIZE + "&page=" + page);
      JsonNode items = Fetchers.parseJson(r);
      if (!items.isArray()) {
        throw new FetchException("expected a JSON array of products from " + r.uri());
      }
      if (items.isEmpty()) {
        return;
      }
      List<RawProduct> rows = new ArrayList<>();
      for (JsonNode p : items) {
        rows.add(row(p));
      }
      sink.page(rows);
      if (items.size() < PAGE_SIZE) {
        return;
      }
    }
  }

  static RawProduct row(JsonNode p) {
    JsonNode prices = p.path("prices");
    int minor = prices.path("currency_minor_unit").asInt(-1);
    String currency = Fetchers.text(prices, "currency_code");
    if (minor < 0) {
      minor = Prices.exponentOf(currency);
    }
    BigDecimal price = Prices.fromMinor(Fetchers.text(prices, "price"), minor).orElse(null);
    BigDecimal regular =
        Prices.fromMinor(Fetchers.text(prices, "regular_price"), minor).orElse(null);
    Map<String, String> attrs = new LinkedHashMap<>();
    for (JsonNode a : ShopifyFetcher.iter(p.get("attributes"))) {
      JsonNode terms = a.get("terms");
      if (a.hasNonNull("name") && terms != null && terms.size() > 0) {
        attrs.put(a.get("name").asText(), Fetchers.text(terms.get(0), "name"));
      }
    }
    List<String> category = new ArrayList<>();
    JsonNode cats = p.get("categories");
    if (cats != null && cats.size() > 0) {
      category.add(Fetchers.text(cats.get(0), "name"));
    }
    JsonNode images = p.get("images");
    String availability =
        p.path("is_on_backorder").asBoolean(false)
            ? "backorder"
            : p.path("is_in_stock").asBoolean(true) ? "in_stock" : "out_of_stock";
    JsonNode brands = p.get("brands");
    String sku = Fetchers.text(p, "sku");
    return RawProduct.builder()
        .sku(sku != null ? sku : Fetchers.text(p, "id"))
        .title(Fetchers.text(p, "name"))
        .description(
            Fetchers.text(p, "short_description") != null
                ? Fetchers.text(p, "short_description")
                : Fetchers.text(p, "description"))
        .brand(brands != null && brands.size() > 0 ? Fetchers.text(brands.get(0), "name") : null)
        .url(Fetchers.text(p, "permalink"))
        .imageUrl(images != null && images.size() > 0 ? Fetchers.text(images.get(0), "src") : null)
        .price(price == null ? null : price.toPlainString())
        .originalPrice(regular == null ? null : regular.toPlainString())
        .currency(currency)
        .availability(availability)
        .categoryPath(category)
        .attributes(attrs)
        .rating(Fetchers.text(p, "average_rating"))
        .reviewCount(Fetchers.text(p, "review_count"))
        .build();
  }
}
