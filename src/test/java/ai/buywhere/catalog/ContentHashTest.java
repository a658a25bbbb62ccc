package ai.buywhere.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.shared.Json;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The streamed content hash equals the hash of the canonical map as {@code Json.mapper()} writes it
 * (how earlier versions computed it), so hashes already stored in a catalog keep matching and a
 * re-import still counts those rows as unchanged.
 */
class ContentHashTest {

  @Test
  void equalsTheHashOfTheSortedCanonicalMap() throws Exception {
    Random random = new Random(20261122);
    for (int i = 0; i < 2_000; i++) {
      ProductInput in = randomInput(random, i);
      assertThat(ContentHash.of(in)).as("input %d: %s", i, in).isEqualTo(reference(in));
    }
  }

  @Test
  void ignoresTrailingZerosAndSpecKeyOrder() {
    Map<String, Object> ab = new LinkedHashMap<>();
    ab.put("a", 1);
    ab.put("b", List.of("x", 2.5));
    Map<String, Object> ba = new LinkedHashMap<>();
    ba.put("b", List.of("x", 2.5));
    ba.put("a", 1);
    ProductInput one = base("s").price(new BigDecimal("10.50")).structuredSpecs(ab).build();
    ProductInput two = base("s").price(new BigDecimal("10.5")).structuredSpecs(ba).build();
    assertThat(ContentHash.of(one)).isEqualTo(ContentHash.of(two)).hasSize(32);
    assertThat(ContentHash.of(base("s").price("10.51").build())).isNotEqualTo(ContentHash.of(one));
  }

  private static ProductInput.Builder base(String sku) {
    return ProductInput.builder(sku, "src").title("T").currency("USD").countryCode("US");
  }

  private static ProductInput randomInput(Random r, int i) {
    ProductInput.Builder b = base("sku-" + i);
    if (r.nextBoolean()) {
      b.title("Title \"" + i + "\" ünïcode ✓ " + r.nextInt());
    }
    if (r.nextBoolean()) {
      b.description("line\nbreak\t" + i);
    }
    if (r.nextBoolean()) {
      b.brand("Brand " + r.nextInt(5));
    }
    if (r.nextBoolean()) {
      b.merchantId("m" + i).domain("d" + i);
    }
    if (r.nextBoolean()) {
      b.url("https://x.example/" + i).imageUrl("https://x.example/" + i + ".png");
    }
    if (r.nextBoolean()) {
      b.price(new BigDecimal(r.nextInt(100_000)).movePointLeft(r.nextInt(4)));
    }
    if (r.nextBoolean()) {
      b.originalPrice(new BigDecimal("100").setScale(r.nextInt(3)));
    }
    if (r.nextBoolean()) {
      b.price(new BigDecimal("1E+2"));
    }
    if (r.nextBoolean()) {
      b.region(r.nextBoolean() ? "us" : "sea").currency(r.nextBoolean() ? "SGD" : "USD");
    }
    if (r.nextBoolean()) {
      b.rating(new BigDecimal("4.50")).reviewCount(r.nextInt(1000));
    }
    if (r.nextBoolean()) {
      b.categoryPath(r.nextBoolean() ? List.of() : List.of("A", "B " + r.nextInt(3)));
    }
    if (r.nextBoolean()) {
      Map<String, Object> specs = new LinkedHashMap<>();
      specs.put("z" + r.nextInt(3), r.nextInt());
      specs.put("a", r.nextBoolean() ? "text" : List.of(1, 2.25, "x"));
      Map<String, Object> nested = new LinkedHashMap<>();
      nested.put("k", r.nextBoolean());
      nested.put("n", null);
      specs.put("m", nested);
      specs.put("big", new BigDecimal("12.3400"));
      b.structuredSpecs(specs);
    }
    if (r.nextBoolean()) {
      b.comparisonAttributes(r.nextBoolean() ? Map.of() : Map.of("w", "v", "x", 1L));
    }
    if (r.nextBoolean()) {
      b.availability(Availability.values()[r.nextInt(Availability.values().length)]);
    }
    if (r.nextBoolean()) {
      b.gtin("0123456789012").model("M-" + i);
    }
    return b.build();
  }

  /** The hash as earlier versions computed it: the sorted map, written by Json.mapper(). */
  private static String reference(ProductInput in) throws Exception {
    Map<String, Object> canonical = new TreeMap<>();
    canonical.put("merchant_id", in.merchantId());
    canonical.put("domain", in.domain());
    canonical.put("title", in.title());
    canonical.put("description", in.description());
    canonical.put("brand", in.brand());
    canonical.put("url", in.url());
    canonical.put("image_url", in.imageUrl());
    canonical.put("price", in.price() == null ? null : in.price().stripTrailingZeros());
    canonical.put(
        "original_price",
        in.originalPrice() == null ? null : in.originalPrice().stripTrailingZeros());
    canonical.put("currency", in.currency());
    canonical.put("country_code", in.countryCode());
    canonical.put("region", in.region());
    canonical.put("rating", in.rating() == null ? null : in.rating().stripTrailingZeros());
    canonical.put("review_count", in.reviewCount());
    canonical.put("category_path", in.categoryPath());
    canonical.put(
        "structured_specs",
        in.structuredSpecs() == null ? null : new TreeMap<>(in.structuredSpecs()));
    canonical.put(
        "comparison_attributes",
        in.comparisonAttributes() == null ? null : new TreeMap<>(in.comparisonAttributes()));
    canonical.put("availability", in.availability());
    canonical.put("gtin", in.gtin());
    canonical.put("model", in.model());
    byte[] bytes = Json.mapper().writeValueAsBytes(canonical);
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
  }
}
