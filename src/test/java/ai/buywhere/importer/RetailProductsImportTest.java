package ai.buywhere.importer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.catalog.CatalogRepository;
import ai.buywhere.catalog.CatalogWriter;
import ai.buywhere.catalog.FxRates;
import ai.buywhere.catalog.Product;
import ai.buywhere.catalog.ProductValidator;
import ai.buywhere.store.Database;
import ai.buywhere.store.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real 34,375-row retail-products file loads as is (SQLite, once: it takes seconds). */
class RetailProductsImportTest {
  @TempDir Path dir;

  @Test
  void loadsEveryRecordKeepingIdsAsSku() throws Exception {
    try (var created = TestDatabases.sqlite(dir);
        Database db = Database.open(created.config(), "test").migrate()) {
      FxRates fx = FxRates.defaults();
      Clock clock = Clock.systemUTC();
      ProductImporter importer =
          new ProductImporter(
              new CatalogWriter(db, fx, clock), new ProductValidator(fx), clock, 500);
      ImportReport r =
          importer.run(
              SharedData.retailProducts(),
              ImportFormat.JSONL,
              new ImportDefaults(null, "US", null),
              ImportListener.NONE);

      assertThat(r.read()).isEqualTo(34_375);
      assertThat(r.inserted()).isEqualTo(34_375);
      assertThat(r.rejected()).isZero();
      CatalogRepository repo = new CatalogRepository(db);
      assertThat(repo.countActive()).isEqualTo(34_375);
      assertThat(count(db, "SELECT COUNT(*) FROM products WHERE price IS NOT NULL"))
          .isEqualTo(30_089);
      assertThat(count(db, "SELECT COUNT(DISTINCT sku) FROM products")).isEqualTo(34_375);

      Product abt = repo.findBySkuAndSource("abt:552", "leipzig-abt-buy").orElseThrow();
      assertThat(abt.title()).isEqualTo("Sony Turntable - PSLX350H");
      assertThat(abt.domain()).isEqualTo("abt.com");
      assertThat(abt.merchantId()).isEqualTo("abt.com");
      assertThat(abt.price()).isNull();
      assertThat(abt.currency()).isEqualTo("USD");
      Product bb = repo.findBySkuAndSource("bestbuy:4984700", "algolia-bestbuy-demo").orElseThrow();
      assertThat(bb.categoryPath())
          .containsExactly("Cell Phones", "Prepaid Phones", "All Prepaid Phones");
      assertThat(bb.imageUrl()).startsWith("https://cdn-demo.algolia.com/");
      assertThat(bb.price()).isEqualByComparingTo("49.99");
      Product wm = repo.findBySkuAndSource("walmart:1", "hpi-walmart-amazon").orElseThrow();
      assertThat(wm.model()).isEqualTo("ELPLP12");
      assertThat(wm.structuredSpecs()).containsEntry("dimensions", "6.75 x 5.75 x 5.5 inches");
    }
  }

  private static long count(Database db, String sql) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }
}
