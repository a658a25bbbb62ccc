package ai.buywhere.search;

import static ai.buywhere.search.SearchFixture.product;
import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.catalog.Availability;
import ai.buywhere.catalog.ProductInput;
import ai.buywhere.store.Dialect;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Analysis, filters, sorts and facets over a small real index (SQLite catalog). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LuceneProductSearchTest {
  SearchFixture fx;
  ProductSearch search;

  @BeforeAll
  void setUp(@TempDir Path dir) {
    fx = new SearchFixture(Dialect.SQLITE, dir);
    var res =
        fx.write(
            product("sony", "Sony WH-1000XM5 Wireless Noise Cancelling Headphones")
                .brand("Sony")
                .price("399")
                .originalPrice(new BigDecimal("449"))
                .rating(new BigDecimal("4.7"))
                .reviewCount(1000)
                .description("Industry leading noise canceling")
                .categoryPath(List.of("Electronics", "Audio", "Headphones"))
                .build(),
            product("bose", "Bose QuietComfort 45 Headphones")
                .brand("Bose")
                .price("329")
                .rating(new BigDecimal("4.5"))
                .categoryPath(List.of("Electronics", "Audio", "Headphones"))
                .build(),
            product("batteries", "AA Batteries 24 Pack")
                .brand("Duracell")
                .price("19.99")
                .originalPrice(new BigDecimal("29.99"))
                .description("Long lasting alkaline")
                .categoryPath(List.of("Electronics", "Batteries"))
                .build(),
            product("earbuds", "Sony WF-1000XM4 Earbuds")
                .brand("SONY")
                .price("300")
                .currency("SGD")
                .countryCode("SG")
                .domain("lazada.sg")
                .merchantId("lazada")
                .availability(Availability.OUT_OF_STOCK)
                .categoryPath(List.of("Electronics", "Audio", "Earbuds"))
                .build(),
            product("laptop", "Apple MacBook Air 13-inch M2 Laptop")
                .brand("Apple")
                .price("1099")
                .rating(new BigDecimal("4.9"))
                .description("Has a headphones jack and all-day battery")
                .categoryPath(List.of("Computers", "Laptops"))
                .build(),
            product("cable", "Anker USB-C Cable").brand("Anker").build());
    SearchService service = fx.openSearch();
    assertThat(service.awaitSeq(res.lastSeq(), java.time.Duration.ofSeconds(5))).isTrue();
    search = service.search();
  }

  @AfterAll
  void tearDown() throws Exception {
    fx.close();
  }

  private List<String> skus(SearchRequest.Builder b) {
    return search.search(b.build()).hits().stream().map(h -> h.product().sku()).toList();
  }

  private static SearchRequest.Builder q(String q) {
    return SearchRequest.builder().q(q);
  }

  @ParameterizedTest
  @ValueSource(strings = {"WH-1000XM5", "wh1000xm5", "1000xm5", "WH1000XM5", "sony wh-1000xm5"})
  void modelNumbersAreFoundInEverySpelling(String query) {
    assertThat(skus(q(query))).first().isEqualTo("sony");
  }

  @Test
  void englishStemmingAndPossessives() {
    assertThat(skus(q("battery"))).contains("batteries");
    assertThat(skus(q("headphone"))).contains("sony", "bose");
    assertThat(skus(q("sony's headphones"))).first().isEqualTo("sony");
  }

  @Test
  void titleAndBrandOutrankDescription() {
    List<String> hits = skus(q("headphones"));
    assertThat(hits).containsExactlyInAnyOrder("sony", "bose", "laptop");
    assertThat(hits.indexOf("laptop")).isEqualTo(2);
  }

  @Test
  void moreMatchedWordsRankHigher() {
    List<String> hits = skus(q("sony noise cancelling headphones"));
    assertThat(hits).first().isEqualTo("sony");
  }

  @Test
  void aRepeatedWordCountsOnce() {
    // three clauses would let "headphones" twice meet the two-word minimum without "sony"
    assertThat(skus(q("sony headphones headphones"))).containsExactly("sony");
    assertThat(skus(q("Sony HEADPHONES headphones"))).isEqualTo(skus(q("sony headphones")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "title:sony AND (",
        "\"unbalanced",
        "*",
        "?",
        "\\",
        "sony~2 OR brand:*",
        "a:b:c",
        "/re.*/"
      })
  void anyUserStringIsSafe(String query) {
    SearchResult r = search.search(q(query).build());
    assertThat(r.total()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void punctuationOnlyMatchesNothingAndBlankMatchesAll() {
    assertThat(search.search(q("!!!").build()).total()).isZero();
    assertThat(search.search(q("  ").build()).total()).isEqualTo(6);
    assertThat(search.search(SearchRequest.builder().build()).total()).isEqualTo(6);
  }

  @Test
  void filters() {
    assertThat(skus(SearchRequest.builder().domain("lazada.sg"))).containsExactly("earbuds");
    assertThat(skus(SearchRequest.builder().merchantId("lazada"))).containsExactly("earbuds");
    assertThat(skus(SearchRequest.builder().region("sea"))).containsExactly("earbuds");
    assertThat(skus(SearchRequest.builder().countryCode("sg"))).containsExactly("earbuds");
    assertThat(skus(SearchRequest.builder().category("electronics-audio")))
        .containsExactlyInAnyOrder("sony", "bose", "earbuds");
    assertThat(skus(SearchRequest.builder().category("electronics-audio-headphones")))
        .containsExactlyInAnyOrder("sony", "bose");
    assertThat(skus(SearchRequest.builder().category("Electronics > Audio")))
        .containsExactlyInAnyOrder("sony", "bose", "earbuds");
    assertThat(skus(SearchRequest.builder().brand("sony")))
        .containsExactlyInAnyOrder("sony", "earbuds");
    assertThat(skus(SearchRequest.builder().availability("out_of_stock")))
        .containsExactly("earbuds");
    assertThat(
            skus(
                SearchRequest.builder()
                    .minPriceUsd(new BigDecimal("300"))
                    .maxPriceUsd(new BigDecimal("400"))))
        .containsExactlyInAnyOrder("sony", "bose");
    assertThat(skus(SearchRequest.builder().maxPriceUsd(new BigDecimal("20"))))
        .containsExactly("batteries");
    assertThat(skus(SearchRequest.builder().minDiscountPct(new BigDecimal("20"))))
        .containsExactly("batteries");
    assertThat(skus(q("sony").hiddenCountries(Set.of("SG")))).containsExactly("sony");
    assertThat(skus(q("sony").brand("sony").countryCode("US"))).containsExactly("sony");
  }

  @Test
  void sorts() {
    assertThat(skus(SearchRequest.builder().sort(SortOrder.PRICE_ASC)))
        .startsWith("batteries", "earbuds", "bose", "sony", "laptop")
        .endsWith("cable");
    assertThat(skus(SearchRequest.builder().sort(SortOrder.PRICE_DESC)))
        .startsWith("laptop", "sony", "bose", "earbuds", "batteries")
        .endsWith("cable");
    assertThat(skus(SearchRequest.builder().sort(SortOrder.NEWEST)))
        .containsExactly("cable", "laptop", "earbuds", "batteries", "bose", "sony");
    assertThat(skus(SearchRequest.builder().sort(SortOrder.RATING)))
        .startsWith("laptop", "sony", "bose");
    assertThat(skus(SearchRequest.builder().sort(SortOrder.DISCOUNT)))
        .startsWith("batteries", "sony");
    assertThat(skus(q("headphones").sort(SortOrder.PRICE_ASC)))
        .containsExactly("bose", "sony", "laptop");
  }

  @Test
  void facetsCountBrandDomainCategoryAncestorsAndPriceBuckets() {
    SearchResult r = search.search(SearchRequest.builder().includeFacets(true).build());
    Map<String, Map<String, Long>> f = r.facets();
    assertThat(f.get("brand")).containsEntry("Sony", 1L).containsEntry("Apple", 1L);
    assertThat(f.get("domain")).containsEntry("shop.example", 5L).containsEntry("lazada.sg", 1L);
    assertThat(f.get("domain").keySet()).first().isEqualTo("shop.example");
    assertThat(f.get("category"))
        .containsEntry("electronics", 4L)
        .containsEntry("electronics-audio", 3L)
        .containsEntry("electronics-audio-headphones", 2L)
        .containsEntry("computers-laptops", 1L);
    assertThat(f.get("price"))
        .containsExactly(
            Map.entry("0-25", 1L),
            Map.entry("100-250", 1L),
            Map.entry("250-500", 2L),
            Map.entry("1000+", 1L));

    SearchResult filtered = search.search(q("headphones").includeFacets(true).build());
    assertThat(filtered.facets().get("brand")).containsOnlyKeys("Sony", "Bose", "Apple");
    assertThat(search.search(q("headphones").build()).facets()).isEmpty();
  }

  @Test
  void hitsCarryTheCompleteProduct() {
    SearchHit hit = search.search(q("wh1000xm5").build()).hits().get(0);
    assertThat(hit.score()).isPositive();
    assertThat(hit.product().brand()).isEqualTo("Sony");
    assertThat(hit.product().price()).isEqualByComparingTo("399");
    assertThat(hit.product().categoryPath()).containsExactly("Electronics", "Audio", "Headphones");
    assertThat(hit.product().updatedAt()).isNotNull();
    assertThat(hit.product().id()).isNotBlank();
  }

  @Test
  void similarPutsTheSameProductFirstAndNeverItself() {
    var sony = fx.repo.findBySkuAndSource("sony", "test").orElseThrow();
    List<SearchHit> similar = search.similar(sony, 10, Set.of());
    List<String> skus = new ArrayList<>();
    similar.forEach(h -> skus.add(h.product().sku()));
    assertThat(skus).doesNotContain("sony").first().isIn("earbuds", "bose");
    assertThat(search.similar(sony, 10, Set.of("SG")))
        .extracting(h -> h.product().sku())
        .doesNotContain("earbuds", "sony");
  }

  @Test
  void sizeAndAppliedSeq() {
    assertThat(search.size()).isEqualTo(6);
    assertThat(search.appliedSeq()).isEqualTo(fx.repo.currentSeq());
  }

  static ProductInput bulk(int i) {
    return product("bulk-" + i, "Bulk item " + i).price(String.valueOf(i)).build();
  }
}
