package ai.buywhere.ingest.fetch;

import ai.buywhere.ingest.Source;
import ai.buywhere.ingest.normalize.RawProduct;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Google Merchant Center feeds: RSS 2.0 {@code <item>}s (or Atom {@code <entry>}s) with the {@code
 * g:} namespace, or tab-separated text with the same attribute names as header. {@code price} is
 * {@code "15.00 USD"}; when {@code sale_price} is present it is the price and {@code price} the
 * original. {@code product_type} (or {@code google_product_category}) {@code "A > B"} is the
 * category path.
 */
final class GoogleMerchantFetcher implements SourceFetcher {
  static final int BATCH = 500;
  private final HttpFetcher http;

  GoogleMerchantFetcher(HttpFetcher http) {
    this.http = http;
  }

  @Override
  public void fetch(Source source, PageSink sink) {
    HttpFetcher.Response r = http.get(source.url());
    String body = r.text().stripLeading();
    if (body.startsWith("\uFEFF")) {
      body = body.substring(1);
    }
    List<Map<String, String>> items = body.startsWith("<") ? xmlItems(body, r) : tsvItems(body);
    List<RawProduct> batch = new ArrayList<>();
    for (Map<String, String> item : items) {
      batch.add(row(item::get));
      if (batch.size() >= BATCH) {
        sink.page(List.copyOf(batch));
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      sink.page(batch);
    }
  }

  private static List<Map<String, String>> xmlItems(String body, HttpFetcher.Response r) {
    Document xml = Jsoup.parse(body, r.uri().toString(), Parser.xmlParser());
    if (xml.selectFirst("rss, feed") == null) {
      throw new FetchException("not an RSS or Atom feed: " + r.uri());
    }
    List<Map<String, String>> out = new ArrayList<>();
    for (Element item : xml.select("item, entry")) {
      Map<String, String> m = new LinkedHashMap<>();
      for (Element child : item.children()) {
        String name = child.tagName().toLowerCase(Locale.ROOT);
        String key = name.startsWith("g:") ? name.substring(2) : name;
        String value = child.text().trim();
        if (key.equals("link") && value.isEmpty()) {
          value = child.attr("href");
        }
        if (name.startsWith("g:") || !m.containsKey(key)) {
          m.put(key, value);
        }
      }
      out.add(m);
    }
    return out;
  }

  private static List<Map<String, String>> tsvItems(String body) {
    String[] lines = body.split("\\r?\\n");
    if (lines.length == 0 || !lines[0].contains("\t")) {
      throw new FetchException("merchant feed is neither XML nor tab-separated text");
    }
    String[] header = lines[0].split("\t", -1);
    List<Map<String, String>> out = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String[] cells = lines[i].split("\t", -1);
      Map<String, String> m = new LinkedHashMap<>();
      for (int c = 0; c < header.length && c < cells.length; c++) {
        String key = header[c].trim().toLowerCase(Locale.ROOT).replaceFirst("^g:", "");
        m.put(key, cells[c].trim());
      }
      out.add(m);
    }
    return out;
  }

  static RawProduct row(Function<String, String> f) {
    String sale = blank(f.apply("sale_price"));
    String price = blank(f.apply("price"));
    String category = blank(f.apply("product_type"));
    if (category == null) {
      category = blank(f.apply("google_product_category"));
    }
    Map<String, String> attrs = new LinkedHashMap<>();
    for (String k : List.of("color", "size", "material", "capacity")) {
      if (blank(f.apply(k)) != null) {
        attrs.put(k, f.apply(k));
      }
    }
    return RawProduct.builder()
        .sku(blank(f.apply("id")))
        .title(blank(f.apply("title")))
        .description(blank(f.apply("description")))
        .brand(blank(f.apply("brand")))
        .url(blank(f.apply("link")))
        .imageUrl(blank(f.apply("image_link")))
        .price(sale != null ? sale : price)
        .originalPrice(sale != null ? price : null)
        .availability(blank(f.apply("availability")))
        .categoryPath(category == null ? List.of() : List.of(category))
        .attributes(attrs)
        .gtin(blank(f.apply("gtin")))
        .model(blank(f.apply("mpn")))
        .build();
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
