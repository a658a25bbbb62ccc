package ai.buywhere.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.catalog.CatalogRepository;
import ai.buywhere.catalog.FxRates;
import ai.buywhere.catalog.PricePoint;
import ai.buywhere.catalog.Product;
import ai.buywhere.store.Database;
import ai.buywhere.store.Dialect;
import ai.buywhere.store.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DemoCatalogTest {
  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void loadsBothMarketsWithHistoriesAndIsIdempotent(Dialect dialect) throws Exception {
    try (var created = TestDatabases.create(dialect, dir);
        Database db = Database.open(created.config(), "test").migrate()) {
      CatalogRepository repo = new CatalogRepository(db);
      DemoCatalog.LoadResult first =
          DemoCatalog.load(db, FxRates.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

      assertThat(first.products()).isBetween(200, 500).isEqualTo(DemoCatalog.size());
      assertThat(first.added()).isEqualTo(first.products());
      assertThat(repo.countActive()).isEqualTo(first.products());
      List<Product> all = repo.findByIds(first.today().ids());
      assertThat(all).extracting(Product::countryCode).contains("SG", "US");
      assertThat(all).extracting(Product::domain).contains("lazada", "shopee", "courts");
      assertThat(all).extracting(Product::domain).contains("amazon", "walmart", "bestbuy");
      assertThat(all).filteredOn(p -> p.discountPct() != null).hasSizeGreaterThan(50);
      assertThat(all).extracting(Product::availability).hasSizeGreaterThan(0);
      assertThat(all.stream().map(Product::availability).distinct().count()).isGreaterThan(2);

      List<Product> xm5 = all.stream().filter(p -> "WH-1000XM5".equals(p.model())).toList();
      assertThat(xm5).extracting(Product::domain).hasSize(6).doesNotHaveDuplicates();
      assertThat(xm5).extracting(Product::currency).contains("SGD", "USD");
      assertThat(xm5.get(0).comparisonAttributes()).containsEntry("noise_cancelling", true);
      assertThat(xm5.get(0).structuredSpecs()).containsEntry("model", "WH-1000XM5");

      // back-dated weekly history: the first point is 12 weeks old, several products moved
      Instant since = NOW.minus(Duration.ofDays(91));
      List<PricePoint> history = repo.priceHistory(all.get(0).id(), since);
      assertThat(history.get(0).recordedAt())
          .isEqualTo(NOW.minus(Duration.ofDays(7L * DemoCatalog.WEEKS)));
      long moved = all.stream().filter(p -> repo.priceHistory(p.id(), since).size() > 2).count();
      assertThat(moved).isGreaterThan(all.size() / 3);
      for (Product p : all) {
        List<PricePoint> h = repo.priceHistory(p.id(), since);
        assertThat(h.get(h.size() - 1).price()).isEqualByComparingTo(p.price());
      }

      long seq = repo.currentSeq();
      long historyRows = count(db, "SELECT COUNT(*) FROM price_history");
      DemoCatalog.LoadResult second =
          DemoCatalog.load(
              db, FxRates.defaults(), Clock.fixed(NOW.plus(Duration.ofDays(3)), ZoneOffset.UTC));
      assertThat(second.added()).isZero();
      assertThat(second.today().unchanged()).isEqualTo(first.products());
      assertThat(second.today().inserted() + second.today().updated()).isZero();
      assertThat(count(db, "SELECT COUNT(*) FROM price_history")).isEqualTo(historyRows);
      assertThat(count(db, "SELECT MAX(change_seq) FROM products")).isLessThanOrEqualTo(seq);
    }
  }

  @Test
  void isDeterministic() {
    Map<String, String> a = prices(DemoCatalog.offers());
    Map<String, String> b = prices(DemoCatalog.offers());
    assertThat(a).isEqualTo(b).hasSize(DemoCatalog.size());
    // pinned: the same catalog on every machine (seeded; String.hashCode and Random are specified)
    assertThat(DemoCatalog.size()).isEqualTo(319);
    assertThat(a.get("lazada_sg:sony-wh-1000xm5"))
        .startsWith("541.00 574.00 https://www.lazada.sg/");
    assertThat(a.get("amazon_us:sony-wh-1000xm5"))
        .startsWith("391.99 471.99 https://www.amazon.com/dp/");
  }

  private static Map<String, String> prices(List<DemoOffer> offers) {
    return offers.stream()
        .collect(
            Collectors.toMap(
                DemoOffer::sku,
                o ->
                    o.input(0).price() + " " + o.input(DemoCatalog.WEEKS).price() + " " + o.url()));
  }

  private static long count(Database db, String sql) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }
}
