package ai.buywhere.ingest.fetch;

import ai.buywhere.ingest.normalize.Prices;
import ai.buywhere.ingest.normalize.RawProduct;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * schema.org {@code Product} objects from a page's {@code <script type="application/ld+json">}
 * blocks: top-level objects, arrays and {@code @graph}; {@code offers} as one object, an array, or
 * an {@code AggregateOffer} ({@code lowPrice}); the lowest offer price wins; availability as
 * schema.org URLs. Malformed blocks are reported, not fatal.
 */
final class JsonLdExtractor {
  private JsonLdExtractor() {}

  record Extracted(List<RawProduct> products, List<String> problems) {}

  static Extracted extract(String html, String pageUrl) {
    Document doc = Jsoup.parse(html, pageUrl);
    List<RawProduct> out = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Element script : doc.select("script[type=application/ld+json]")) {
      JsonNode root;
      try {
        root = Fetchers.JSON.readTree(script.data());
      } catch (IOException e) {
        problems.add("malformed JSON-LD: " + Fetchers.firstLine(e));
        continue;
      }
      collect(root, pageUrl, out);
    }
    return new Extracted(out, problems);
  }

  private static void collect(JsonNode n, String pageUrl, List<RawProduct> out) {
    if (n == null) {
      return;
    }
    if (n.isArray()) {
      n.forEach(x -> collect(x, pageUrl, out));
      return;
    }
    if (!n.isObject()) {
      return;
    }
    if (isType(n, "Product")) {
      out.add(product(n, pageUrl));
      return;
    }
    collect(n.get("@graph"), pageUrl, out);
    if (isType(n, "ProductGroup")) {
      collect(n.get("hasVariant"), pageUrl, out);
    }
  }

  static boolean isType(JsonNode n, String type) {
    JsonNode t = n.get("@type");
    if (t == null) {
      return false;
    }
    if (t.isArray()) {
      for (JsonNode x : t) {
        if (matches(x.asText(), type)) {
          return true;
        }
      }
      return false;
    }
    return matches(t.asText(), type);
  }

  private static boolean matches(String value, String type) {
    return value.equals(type) || value.endsWith("/" + type) || value.endsWith(":" + type);
  }

  private static RawProduct product(JsonNode p, String pageUrl) {
    Offer best = null;
    for (Offer o : offers(p.get("offers"))) {
      if (o.price != null
          && (best == null || best.price == null || o.price.compareTo(best.price) < 0)) {
        best = o;
      } else if (best == null) {
        best = o;
      }
    }
    JsonNode rating = p.get("aggregateRating");
    Map<String, String> attrs = new LinkedHashMap<>();
    for (String k : List.of("color", "size", "material", "model")) {
      String v = Fetchers.text(p, k);
      if (v != null) {
        attrs.put(k, v);
      }
    }
    String sku = firstText(p, "sku", "productID", "mpn", "gtin13", "gtin");
    String url = best != null && best.url != null ? best.url : Fetchers.text(p, "url");
    return RawProduct.builder()
        .sku(sku != null ? sku : url != null ? url : pageUrl)
        .title(Fetchers.text(p, "name"))
        .description(Fetchers.text(p, "description"))
        .brand(nameOf(p.get("brand")))
        .url(url != null ? url : pageUrl)
        .imageUrl(image(p.get("image")))
        .price(best == null || best.price == null ? null : best.price.toPlainString())
        .originalPrice(null)
        .currency(best == null ? null : best.currency)
        .availability(best == null ? null : best.availability)
        .categoryPath(
            Fetchers.text(p, "category") == null
                ? List.of()
                : List.of(Fetchers.text(p, "category")))
        .attributes(attrs)
        .gtin(firstText(p, "gtin13", "gtin12", "gtin14", "gtin8", "gtin"))
        .model(firstText(p, "mpn", "model"))
        .rating(rating == null ? null : Fetchers.text(rating, "ratingValue"))
        .reviewCount(rating == null ? null : firstText(rating, "reviewCount", "ratingCount"))
        .build();
  }

  private record Offer(BigDecimal price, String currency, String availability, String url) {}

  private static List<Offer> offers(JsonNode n) {
    List<Offer> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (n.isArray()) {
      n.forEach(x -> out.addAll(offers(x)));
      return out;
    }
    if (!n.isObject()) {
      return out;
    }
    if (isType(n, "AggregateOffer")) {
      List<Offer> nested = offers(n.get("offers"));
      String low = firstText(n, "lowPrice", "price");
      if (low != null) {
        out.add(
            new Offer(
                Prices.amount(low).orElse(null),
                Fetchers.text(n, "priceCurrency"),
                Fetchers.text(n, "availability"),
                Fetchers.text(n, "url")));
      }
      out.addAll(nested);
      return out;
    }
    String price = Fetchers.text(n, "price");
    String currency = Fetchers.text(n, "priceCurrency");
    JsonNode spec = n.get("priceSpecification");
    if (spec != null && spec.isArray() && spec.size() > 0) {
      spec = spec.get(0);
    }
    if (price == null && spec != null) {
      price = Fetchers.text(spec, "price");
      currency = currency != null ? currency : Fetchers.text(spec, "priceCurrency");
    }
    out.add(
        new Offer(
            Prices.amount(price).orElse(null),
            currency,
            Fetchers.text(n, "availability"),
            Fetchers.text(n, "url")));
    return out;
  }

  private static String nameOf(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isArray()) {
      return n.size() > 0 ? nameOf(n.get(0)) : null;
    }
    return n.isObject() ? Fetchers.text(n, "name") : n.asText();
  }

  private static String image(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isArray()) {
      return n.size() > 0 ? image(n.get(0)) : null;
    }
    return n.isObject() ? firstText(n, "url", "contentUrl") : n.asText();
  }

  private static String firstText(JsonNode n, String... fields) {
    for (String f : fields) {
      String v = Fetchers.text(n, f);
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
