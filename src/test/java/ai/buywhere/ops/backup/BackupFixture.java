package ai.buywhere.ops.backup;

import ai.buywhere.app.Settings;
import ai.buywhere.catalog.CatalogRepository;
import ai.buywhere.catalog.CatalogWriter;
import ai.buywhere.catalog.FxRates;
import ai.buywhere.catalog.Product;
import ai.buywhere.catalog.ProductInput;
import ai.buywhere.store.Database;
import ai.buywhere.store.Dialect;
import ai.buywhere.store.TestDatabases;
import ai.buywhere.testsupport.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A real database (SQLite file or scratch PostgreSQL database) with a backup service on it. */
final class BackupFixture implements AutoCloseable {
  final TestDatabases.Created created;
  final Database db;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
  final CatalogWriter writer;
  final CatalogRepository repo;
  final BackupService service;
  final Path dir;

  BackupFixture(Dialect dialect, Path dir, Map<String, String> settings) {
    this.dir = dir;
    this.created = TestDatabases.create(dialect, dir);
    this.db = Database.open(created.config(), "test").migrate();
    this.writer = new CatalogWriter(db, FxRates.defaults(), clock, 200);
    this.repo = new CatalogRepository(db);
    Map<String, String> s = new HashMap<>(settings);
    s.putIfAbsent("BACKUP_DIR", dir.resolve("backups").toString());
    this.service = BackupService.from(db, Settings.of(s, Map.of()), dir, clock);
  }

  static ProductInput product(String sku, String source, String cc, String price) {
    return ProductInput.builder(sku, source)
        .title("Product " + sku + " from " + source)
        .brand("Brand" + (sku.hashCode() & 7))
        .price(price)
        .currency(cc.equals("US") ? "USD" : "SGD")
        .countryCode(cc)
        .categoryPath(List.of("Electronics", "Audio"))
        .build();
  }

  /** n products of one market. */
  static List<ProductInput> market(String cc, int n, String priceSuffix) {
    List<ProductInput> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          product(
              cc.toLowerCase() + "-" + i, "shop_" + cc.toLowerCase(), cc, (10 + i) + priceSuffix));
    }
    return out;
  }

  /** Every product row, as the catalog repository reads it, ordered by id. */
  List<Product> all() {
    List<String> ids =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("SELECT id FROM products ORDER BY id")
                        .mapTo(String.class)
                        .list());
    List<Product> out = new ArrayList<>(repo.findByIds(ids));
    out.sort(Comparator.comparing(Product::id));
    return out;
  }

  long count(String sql) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  @Override
  public void close() {
    db.close();
    created.close();
  }
}
