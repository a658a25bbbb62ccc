package ai.buywhere.ops.flags;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.catalog.CatalogRepository;
import ai.buywhere.catalog.CatalogWriter;
import ai.buywhere.catalog.FxRates;
import ai.buywhere.catalog.Product;
import ai.buywhere.catalog.ProductInput;
import ai.buywhere.search.ProductSearch;
import ai.buywhere.search.SearchHit;
import ai.buywhere.search.SearchRequest;
import ai.buywhere.search.SearchService;
import ai.buywhere.store.Dialect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The kill switch against the real Lucene index: the hidden set filters at query time, so turning a
 * market off and on again needs no reindex.
 */
class MarketSwitchSearchTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void searchAndSimilarDropAHiddenMarketAndGetItBackWithoutAReindex(Dialect dialect)
      throws Exception {
    try (FlagsFixture fx = new FlagsFixture(dialect, dir)) {
      var db = fx.sharedDatabase();
      CatalogWriter writer = new CatalogWriter(db, FxRates.defaults(), fx.clock);
      CatalogRepository repo = new CatalogRepository(db);
      long seq =
          writer
              .write(
                  List.of(
                      item("us-1", "Acme wireless headphones", "US", "USD"),
                      item("sg-1", "Acme wireless headphones", "SG", "SGD"),
                      item("sg-2", "Acme wireless earbuds", "SG", "SGD")))
              .lastSeq();
      try (SearchService search =
          SearchService.open(dir.resolve("index"), repo, writer, Duration.ofMillis(100))) {
        assertThat(search.awaitSeq(seq, Duration.ofSeconds(10))).isTrue();
        FeatureFlags flags = fx.node();
        MarketSwitch markets = new MarketSwitch(flags);
        ProductSearch ps = search.search();

        assertThat(countries(ps, markets)).containsExactlyInAnyOrder("US", "SG", "SG");

        flags.setOverrides(Map.of("us_market_enabled", false), "oncall", "rollback");
        assertThat(countries(ps, markets)).containsExactly("SG", "SG");
        Product sg = repo.findBySkuAndSource("sg-1", "test").orElseThrow();
        assertThat(ps.similar(sg, 10, markets.hiddenCountries()))
            .extracting(h -> h.product().countryCode())
            .isNotEmpty()
            .doesNotContain("US");

        flags.setOverrides(Map.of("us_market_enabled", true), "oncall", "recovered");
        assertThat(countries(ps, markets)).containsExactlyInAnyOrder("US", "SG", "SG");
        assertThat(ps.similar(sg, 10, markets.hiddenCountries()))
            .extracting(h -> h.product().countryCode())
            .contains("US");
      }
    }
  }

  private static List<String> countries(ProductSearch ps, MarketSwitch markets) {
    return ps
        .search(
            SearchRequest.builder()
                .q("acme")
                .limit(50)
                .hiddenCountries(markets.hiddenCountries())
                .build())
        .hits()
        .stream()
        .map(SearchHit::product)
        .map(Product::countryCode)
        .toList();
  }

  private static ProductInput item(String sku, String title, String cc, String currency) {
    return ProductInput.builder(sku, "test")
        .title(title)
        .brand("Acme")
        .price("99.00")
        .currency(currency)
        .countryCode(cc)
        .domain("shop.example")
        .build();
  }
}
