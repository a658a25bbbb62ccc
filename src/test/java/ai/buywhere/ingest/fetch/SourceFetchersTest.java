package ai.buywhere.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.buywhere.catalog.Availability;
import ai.buywhere.catalog.ProductInput;
import ai.buywhere.ingest.FixtureServer;
import ai.buywhere.ingest.IngestConfig;
import ai.buywhere.ingest.Source;
import ai.buywhere.ingest.SourceKind;
import ai.buywhere.ingest.Sources;
import ai.buywhere.ingest.normalize.ProductNormalizer;
import ai.buywhere.ingest.normalize.RawProduct;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SourceFetchersTest {
  private final FixtureServer server = new FixtureServer();
  private final HttpFetcher http =
      new HttpFetcher(IngestConfig.forTests(), Clock.systemUTC(), d -> {}, 1);

  @AfterEach
  void stop() {
    server.close();
  }

  private List<ProductInput> run(Source source, RecordingSink sink) {
    Fetchers.forKind(source.kind(), http).fetch(source, sink);
    ProductNormalizer n = new ProductNormalizer(source);
    return sink.rows().stream().map(n::normalize).toList();
  }

  @Test
  void shopifyLowestVariantCompareAtVendorAndSourceCurrency() {
    server.resource("/products.json", "application/json", "shopify/products-page1.json");
    Source src = Sources.of("gadgets_sg", SourceKind.SHOPIFY, server.base(), "SG", "SGD");
    List<ProductInput> rows = run(src, new RecordingSink());

    assertThat(rows).hasSize(3);
    ProductInput xm5 = rows.get(0);
    assertThat(xm5.sku()).isEqualTo("7281934565533");
    assertThat(xm5.price()).isEqualByComparingTo("349.99");
    assertThat(xm5.currency()).isEqualTo("SGD");
    assertThat(xm5.countryCode()).isEqualTo("SG");
    assertThat(xm5.region()).isEqualTo("sea");
    assertThat(xm5.brand()).isEqualTo("Sony");
    assertThat(xm5.description()).isEqualTo("Industry-leading noise cancellation.");
    assertThat(xm5.url()).isEqualTo(server.base() + "/products/sony-wh-1000xm5-black");
    assertThat(xm5.imageUrl()).endsWith("xm5.jpg");
    assertThat(xm5.availability()).isEqualTo(Availability.IN_STOCK);
    assertThat(xm5.categoryPath()).containsExactly("Headphones");
    assertThat(xm5.structuredSpecs())
        .containsEntry("brand", "Sony")
        .containsEntry("colour", "Black");
    ProductInput anker = rows.get(1);
    assertThat(anker.availability()).isEqualTo(Availability.OUT_OF_STOCK);
    assertThat(anker.originalPrice()).isNull();
    assertThat(anker.categoryPath()).containsExactly("Power Banks");
    assertThat(anker.structuredSpecs()).containsEntry("capacity", "26800mAh");
  }

  @Test
  void shopifyPagesUntilAShortPage() {
    StringBuilder page1 = new StringBuilder("{\"products\":[");
    for (int i = 0; i < 250; i++) {
      page1
          .append(i == 0 ? "" : ",")
          .append("{\"id\":")
          .append(i)
          .append(",\"title\":\"P")
          .append(i)
          .append("\",\"handle\":\"p")
          .append(i)
          .append("\",\"variants\":[{\"price\":\"10.00\",\"available\":true}]}");
    }
    page1.append("]}");
    server.text("/products.json?limit=250&page=1", "application/json", page1.toString());
    server.text(
        "/products.json?limit=250&page=2",
        "application/json",
        "{\"products\":[{\"id\":999,\"title\":\"Last\",\"handle\":\"last\",\"variants\":[]}]}");
    RecordingSink sink = new RecordingSink();
    run(Sources.of("s_us", SourceKind.SHOPIFY, server.base() + "/", "US", "USD"), sink);
    assertThat(sink.pages).hasSize(2);
    assertThat(sink.rows()).hasSize(251);
    assertThat(server.hits("/products.json?limit=250&page=3")).isZero();
  }

  @Test
  void shopifyMalformedJsonFailsTheFetch() {
    server.text("/products.json", "application/json", "{\"products\":[{\"id\":1,");
    Source src = Sources.of("s_us", SourceKind.SHOPIFY, server.base(), "US", "USD");
    assertThatThrownBy(() -> run(src, new RecordingSink()))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("malformed JSON");
    server.text("/products.json", "text/html", "<html><body>Shop closed</body></html>");
    assertThatThrownBy(() -> run(src, new RecordingSink())).isInstanceOf(FetchException.class);
  }

  @Test
  void wooCommerceMinorUnitsIncludingZero() {
    server.resource(
        "/wp-json/wc/store/products", "application/json", "woocommerce/products-page1.json");
    Source src = Sources.of("shop_vn", SourceKind.WOOCOMMERCE, server.base(), "VN", "VND");
    List<ProductInput> rows = run(src, new RecordingSink());
    assertThat(rows).hasSize(3);
    ProductInput rice = rows.get(0);
    assertThat(rice.price()).isEqualByComparingTo("1590000");
    assertThat(rice.originalPrice()).isEqualByComparingTo("1890000");
    assertThat(rice.currency()).isEqualTo("VND");
    assertThat(rice.brand()).isEqualTo("Panasonic");
    assertThat(rice.rating()).isEqualByComparingTo("4.5");
    assertThat(rice.reviewCount()).isEqualTo(12);
    assertThat(rice.structuredSpecs()).containsEntry("capacity", "1L");
    assertThat(rice.categoryPath()).containsExactly("Kitchen Appliances");
    ProductInput mouse = rows.get(1);
    assertThat(mouse.sku()).isEqualTo("102");
    assertThat(mouse.price()).isEqualByComparingTo("99.99");
    assertThat(mouse.currency()).isEqualTo("USD");
    assertThat(mouse.availability()).isEqualTo(Availability.OUT_OF_STOCK);
    ProductInput jpy = rows.get(2);
    assertThat(jpy.price()).isEqualByComparingTo("1234");
    assertThat(jpy.availability()).isEqualTo(Availability.PREORDER);
  }

  @Test
  void jsonLdFromGzippedSitemapIndexWithJunkPages() throws IOException {
    String b = server.base();
    String urlset =
        "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
            + "<url><loc>"
            + b
            + "/p/graph</loc></url>"
            + "<url><loc>"
            + b
            + "/p/array</loc></url>"
            + "<url><loc>"
            + b
            + "/p/aggregate</loc></url>"
            + "<url><loc>"
            + b
            + "/p/junk</loc></url>"
            + "<url><loc>"
            + b
            + "/p/none</loc></url>"
            + "<url><loc>"
            + b
            + "/p/missing</loc></url></urlset>";
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(urlset.getBytes());
    }
    byte[] gzBytes = gz.toByteArray();
    server.on(
        "/sitemap-products.xml.gz", ex -> FixtureServer.send(ex, 200, "application/gzip", gzBytes));
    server.text(
        "/sitemap.xml",
        "application/xml",
        "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc>"
            + b
            + "/sitemap-products.xml.gz</loc></sitemap><sitemap><loc>"
            + b
            + "/sitemap-gone.xml</loc></sitemap></sitemapindex>");
    server.resource("/p/graph", "text/html", "jsonld/product-graph.html");
    server.resource("/p/array", "text/html", "jsonld/product-offers-array.html");
    server.resource("/p/aggregate", "text/html", "jsonld/product-aggregate.html");
    server.resource("/p/junk", "text/html", "jsonld/junk.html");
    server.resource("/p/none", "text/html", "jsonld/no-product.html");
    RecordingSink sink = new RecordingSink();
    List<ProductInput> rows =
        run(
            Sources.of("shop_sg", SourceKind.JSONLD_SITEMAP, b + "/sitemap.xml", "SG", "SGD"),
            sink);

    assertThat(rows)
        .extracting(ProductInput::sku)
        .containsExactly("DY-V15-ABS", "NSW-OLED-W", "SM-S928B-512");
    ProductInput dyson = rows.get(0);
    assertThat(dyson.price()).isEqualByComparingTo("1149.00");
    assertThat(dyson.currency()).isEqualTo("SGD");
    assertThat(dyson.brand()).isEqualTo("Dyson");
    assertThat(dyson.gtin()).isEqualTo("5025155062450");
    assertThat(dyson.categoryPath()).containsExactly("Home", "Vacuums");
    assertThat(dyson.imageUrl()).isEqualTo("https://shop.test/img/v15-1.jpg");
    assertThat(dyson.rating()).isEqualByComparingTo("4.7");
    ProductInput sw = rows.get(1);
    assertThat(sw.price()).isEqualByComparingTo("499.00");
    assertThat(sw.availability()).isEqualTo(Availability.PREORDER);
    assertThat(sw.imageUrl()).isEqualTo("https://shop.test/img/switch.jpg");
    assertThat(sw.url()).isEqualTo(b + "/p/array");
    ProductInput s24 = rows.get(2);
    assertThat(s24.price()).isEqualByComparingTo("1688");
    assertThat(s24.availability()).isEqualTo(Availability.LIMITED);
    assertThat(s24.structuredSpecs())
        .containsEntry("capacity", "512GB")
        .containsEntry("colour", "Black");
    assertThat(sink.skipped)
        .anyMatch(s -> s.contains("/p/junk") && s.contains("malformed JSON-LD"))
        .anyMatch(s -> s.contains("/p/none") && s.contains("no schema.org Product"))
        .anyMatch(s -> s.contains("/p/missing") && s.contains("404"))
        .anyMatch(s -> s.contains("sitemap-gone"));
  }

  @Test
  void sitemapUrlAndDepthCaps() {
    String b = server.base();
    server.text(
        "/sitemap.xml",
        "application/xml",
        "<sitemapindex><sitemap><loc>" + b + "/deeper.xml</loc></sitemap></sitemapindex>");
    server.text(
        "/deeper.xml",
        "application/xml",
        "<urlset><url><loc>" + b + "/p/a</loc></url><url><loc>" + b + "/p/b</loc></url></urlset>");
    server.resource("/p/a", "text/html", "jsonld/product-aggregate.html");
    server.resource("/p/b", "text/html", "jsonld/product-graph.html");
    RecordingSink capped = new RecordingSink();
    run(
        Sources.of(
            "x_sg",
            SourceKind.JSONLD_SITEMAP,
            b + "/sitemap.xml",
            "SG",
            "SGD",
            Map.of("max_urls", 1)),
        capped);
    assertThat(capped.rows()).hasSize(1);
    RecordingSink shallow = new RecordingSink();
    run(
        Sources.of(
            "x_sg",
            SourceKind.JSONLD_SITEMAP,
            b + "/sitemap.xml",
            "SG",
            "SGD",
            Map.of("sitemap_depth", 0)),
        shallow);
    assertThat(shallow.rows()).isEmpty();
    assertThat(shallow.skipped).anyMatch(s -> s.contains("depth cap"));
  }

  @Test
  void googleMerchantRssAndTsv() {
    server.resource("/feed.xml", "application/rss+xml", "merchant/feed.xml");
    server.resource("/feed.tsv", "text/tab-separated-values", "merchant/feed.tsv");
    List<ProductInput> rss =
        run(
            Sources.of(
                "store_us", SourceKind.GOOGLE_MERCHANT, server.base() + "/feed.xml", "US", "USD"),
            new RecordingSink());
    assertThat(rss).hasSize(2);
    ProductInput kb = rss.get(0);
    assertThat(kb.title()).isEqualTo("Keychron K2 Wireless Mechanical Keyboard - Brown Switch");
    assertThat(kb.price()).isEqualByComparingTo("84.15");
    assertThat(kb.originalPrice()).isEqualByComparingTo("99.00");
    assertThat(kb.currency()).isEqualTo("USD");
    assertThat(kb.categoryPath())
        .containsExactly("Electronics", "Computer Accessories", "Keyboards");
    assertThat(kb.model()).isEqualTo("K2-C3");
    assertThat(rss.get(1).availability()).isEqualTo(Availability.PREORDER);
    assertThat(rss.get(1).structuredSpecs())
        .containsEntry("material", "Ceramic")
        .containsEntry("capacity", "350ml");

    List<ProductInput> tsv =
        run(
            Sources.of(
                "store_gb", SourceKind.GOOGLE_MERCHANT, server.base() + "/feed.tsv", "GB", "GBP"),
            new RecordingSink());
    assertThat(tsv).hasSize(2);
    assertThat(tsv.get(0).price()).isEqualByComparingTo("1299.00");
    assertThat(tsv.get(0).currency()).isEqualTo("GBP");
    assertThat(tsv.get(0).availability()).isEqualTo(Availability.OUT_OF_STOCK);
    assertThat(tsv.get(0).region()).isEqualTo("eu");
    assertThat(tsv.get(1).price()).isEqualByComparingTo("7.99");
  }

  @Test
  void csvWithColumnMappingAndLocalePrices() {
    server.resource("/feed.csv", "text/csv", "tabular/feed.csv");
    Map<String, Object> mapping =
        Map.of(
            "mapping",
            Map.of(
                "sku",
                "Item Number",
                "title",
                "Product Name",
                "price",
                "Retail Price",
                "original_price",
                "Was",
                "currency",
                "Currency",
                "availability",
                "Stock",
                "url",
                "Link",
                "image_url",
                "Picture",
                "category",
                "Dept",
                "brand",
                "Maker"));
    List<ProductInput> rows =
        run(
            Sources.of(
                "shop_de", SourceKind.CSV, server.base() + "/feed.csv", "DE", "EUR", mapping),
            new RecordingSink());
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).price()).isEqualByComparingTo("1299.00");
    assertThat(rows.get(0).title()).isEqualTo("Philips Hue White Ambiance Starter Kit, 3 bulbs");
    assertThat(rows.get(0).categoryPath()).containsExactly("Smart Home", "Lighting");
    assertThat(rows.get(0).structuredSpecs())
        .containsEntry("colour", "White")
        .containsEntry("brand", "Philips");
    assertThat(rows.get(1).price()).isEqualByComparingTo("649.99");
    assertThat(rows.get(1).originalPrice()).isEqualByComparingTo("799.00");
    assertThat(rows.get(1).currency()).isEqualTo("EUR");
    assertThat(rows.get(1).availability()).isEqualTo(Availability.OUT_OF_STOCK);
  }

  @Test
  void jsonLinesSkipsMalformedLines() {
    server.resource("/feed.jsonl", "application/x-ndjson", "tabular/feed.jsonl");
    RecordingSink sink = new RecordingSink();
    List<ProductInput> rows =
        run(
            Sources.of("shop_sg", SourceKind.JSONL, server.base() + "/feed.jsonl", "SG", "SGD"),
            sink);
    assertThat(rows).extracting(ProductInput::sku).containsExactly("J-1", "J-3");
    assertThat(rows.get(1).price()).isEqualByComparingTo(new BigDecimal("299"));
    assertThat(rows.get(1).currency()).isEqualTo("SGD");
    assertThat(rows.get(0).structuredSpecs()).containsEntry("colour", "Vissle dark grey");
    assertThat(sink.skipped).hasSize(2);
    assertThat(sink.skipped.get(0)).contains("#L2").contains("malformed JSON");
  }

  @Test
  void rawRowsKeepFeedCurrencyOverSourceCurrency() {
    Source src = Sources.of("x_sg", SourceKind.JSONL, "http://x", "SG", "SGD");
    ProductInput in =
        new ProductNormalizer(src)
            .normalize(RawProduct.builder().sku("1").title("t").price("12.00 USD").build());
    assertThat(in.currency()).isEqualTo("USD");
  }
}
