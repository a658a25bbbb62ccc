package ai.buywhere.api;

import ai.buywhere.app.Application;
import ai.buywhere.catalog.Availability;
import ai.buywhere.catalog.CatalogWriter;
import ai.buywhere.catalog.ProductInput;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small catalog for endpoint tests, written through {@link CatalogWriter}: SG and US markets,
 * four merchants, discounts, three category trees, and a price history for {@code sony-lz} built by
 * writing at three instants (15 and 5 days before {@link #NOW}, and at NOW).
 */
final class TestCatalog {
  static final Instant NOW = Instant.parse("2026-05-20T12:00:00Z");
  static final String SONY_GTIN = "4548736132610";

  /** sku → public id, filled by {@link #write}. */
  final Map<String, String> ids = new HashMap<>();

  static ProductInput.Builder base(String sku, String source, String cc, String currency) {
    return ProductInput.builder(sku, source)
        .domain(source)
        .merchantId(source + "-" + cc.toLowerCase())
        .countryCode(cc)
        .currency(currency)
        .url("https://" + source + ".example/" + sku)
        .imageUrl("https://img.example/" + sku + ".jpg");
  }

  static ProductInput sonyLazada(String price, String original) {
    return base("sony-lz", "lazada", "SG", "SGD")
        .title("Sony WH-1000XM5 Wireless Noise-Cancelling Headphones")
        .description("Industry-leading noise cancellation with eight microphones.")
        .brand("Sony")
        .price(price)
        .originalPrice(original == null ? null : new BigDecimal(original))
        .rating(new BigDecimal("4.8"))
        .reviewCount(1240)
        .gtin(SONY_GTIN)
        .model("WH-1000XM5")
        .categoryPath(List.of("Electronics", "Audio", "Headphones"))
        .structuredSpecs(Map.of("brand", "Sony", "model", "WH-1000XM5", "color", "Black"))
        .comparisonAttributes(Map.of("noise_cancelling", true, "battery_hours", 30))
        .build();
  }

  static List<ProductInput> others() {
    return List.of(
        base("sony-sh", "shopee", "SG", "SGD")
            .title("Sony WH-1000XM5 Headphones Black")
            .brand("Sony")
            .price("529")
            .gtin(SONY_GTIN)
            .model("WH1000XM5")
            .categoryPath(List.of("Electronics", "Audio", "Headphones"))
            .build(),
        base("bose-sh", "shopee", "SG", "SGD")
            .title("Bose QuietComfort Ultra Wireless Headphones")
            .brand("Bose")
            .price("599")
            .originalPrice(new BigDecimal("699"))
            .rating(new BigDecimal("4.7"))
            .model("QC-ULTRA")
            .categoryPath(List.of("Electronics", "Audio", "Headphones"))
            .comparisonAttributes(Map.of("noise_cancelling", true, "battery_hours", 24))
            .build(),
        base("switch-sh", "shopee", "SG", "SGD")
            .title("Nintendo Switch OLED Console")
            .brand("Nintendo")
            .price("419")
            .originalPrice(new BigDecimal("549"))
            .categoryPath(List.of("Electronics", "Gaming"))
            .build(),
        base("dyson-lz", "lazada", "SG", "SGD")
            .title("Dyson V12 Detect Slim Cordless Vacuum")
            .brand("Dyson")
            .price("599")
            .originalPrice(new BigDecimal("899"))
            .categoryPath(List.of("Home", "Appliances", "Vacuums"))
            .build(),
        base("kettle-fp", "fairprice", "SG", "SGD")
            .title("Philips Electric Kettle 1.7L")
            .brand("Philips")
            .price("39.90")
            .availability(Availability.LIMITED)
            .categoryPath(List.of("Home", "Kitchen"))
            .build(),
        base("sony-amz", "amazon", "US", "USD")
            .title("Sony WH-1000XM5 Wireless Headphones")
            .brand("Sony")
            .price("399.99")
            .originalPrice(new BigDecimal("449.99"))
            .gtin(SONY_GTIN)
            .model("WH-1000XM5")
            .categoryPath(List.of("Electronics", "Audio", "Headphones"))
            .build(),
        base("anker-wm", "walmart", "US", "USD")
            .title("Anker Soundcore Q45 Headphones")
            .brand("Anker")
            .price("59.99")
            .availability(Availability.OUT_OF_STOCK)
            .categoryPath(List.of("Electronics", "Audio", "Headphones"))
            .build());
  }

  /**
   * The MY market: 60 toy subcategories of two products each and one book, so that the category
   * facet (which lists only the largest values) leaves the small {@code books} category out.
   */
  static List<ProductInput> manyCategories() {
    List<ProductInput> out = new java.util.ArrayList<>();
    for (int i = 0; i < 60; i++) {
      for (int j = 0; j < 2; j++) {
        out.add(
            base("toy-" + i + "-" + j, "lazada", "MY", "MYR")
                .title("Toy " + i + " variant " + j)
                .price("10")
                .categoryPath(List.of("Toys", "Kind " + i))
                .build());
      }
    }
    out.add(
        base("book-1", "lazada", "MY", "MYR")
            .title("A Book")
            .price("20")
            .categoryPath(List.of("Books"))
            .build());
    return out;
  }

  /** Writes the catalog; returns the highest change sequence written. */
  long write(Application app) {
    CatalogWriter early = writerAt(app, NOW.minusSeconds(15 * 86_400L));
    CatalogWriter middle = writerAt(app, NOW.minusSeconds(5 * 86_400L));
    record(early.write(List.of(sonyLazada("649", null))).ids(), List.of("sony-lz"));
    middle.write(List.of(sonyLazada("599", "649")));
    app.catalogWriter().write(List.of(sonyLazada("549", "649")));
    List<ProductInput> rest = others();
    record(app.catalogWriter().write(rest).ids(), rest.stream().map(ProductInput::sku).toList());
    app.catalogWriter().write(manyCategories());
    return app.catalog().currentSeq();
  }

  private void record(List<String> written, List<String> skus) {
    for (int i = 0; i < skus.size(); i++) {
      ids.put(skus.get(i), written.get(i));
    }
  }

  private static CatalogWriter writerAt(Application app, Instant at) {
    return new CatalogWriter(app.database(), app.fx(), Clock.fixed(at, ZoneOffset.UTC));
  }
}
