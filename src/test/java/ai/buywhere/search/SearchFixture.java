package ai.buywhere.search;

import ai.buywhere.catalog.CatalogRepository;
import ai.buywhere.catalog.CatalogWriter;
import ai.buywhere.catalog.FxRates;
import ai.buywhere.catalog.ProductInput;
import ai.buywhere.catalog.WriteResult;
import ai.buywhere.store.Database;
import ai.buywhere.store.Dialect;
import ai.buywhere.store.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A real catalog (SQLite or PostgreSQL) plus a search index in a temp dir. */
final class SearchFixture implements AutoCloseable {
  final TestDatabases.Created created;
  final Database db;
  final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
  final CatalogWriter writer;
  final CatalogRepository repo;
  final Path indexDir;
  private final List<AutoCloseable> opened = new ArrayList<>();

  SearchFixture(Dialect dialect, Path dir) {
    try {
      java.nio.file.Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    this.created = TestDatabases.create(dialect, dir);
    this.db = Database.open(created.config(), "test").migrate();
    this.writer = new CatalogWriter(db, FxRates.defaults(), clock);
    this.repo = new CatalogRepository(db);
    this.indexDir = dir.resolve("index");
  }

  SearchService openSearch() {
    SearchService s = SearchService.open(indexDir, repo, writer, Duration.ofMillis(100));
    opened.add(s);
    return s;
  }

  SearchService openReadOnly() {
    SearchService s = SearchService.openReadOnly(indexDir, Duration.ofMillis(50));
    opened.add(s);
    return s;
  }

  /** Writes products, each a millisecond after the previous one. */
  WriteResult write(ProductInput... inputs) {
    WriteResult total = WriteResult.EMPTY;
    for (ProductInput in : inputs) {
      clock.advance(Duration.ofMillis(1));
      total = total.plus(writer.write(List.of(in)));
    }
    return total;
  }

  static ProductInput.Builder product(String sku, String title) {
    return ProductInput.builder(sku, "test")
        .title(title)
        .currency("USD")
        .countryCode("US")
        .domain("shop.example");
  }

  @Override
  public void close() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
    db.close();
    created.close();
  }
}
