package ai.buywhere.search;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.catalog.CatalogRepository;
import ai.buywhere.catalog.CatalogWriter;
import ai.buywhere.catalog.FxRates;
import ai.buywhere.catalog.Product;
import ai.buywhere.catalog.ProductInput;
import ai.buywhere.catalog.WriteResult;
import ai.buywhere.store.Database;
import ai.buywhere.store.Dialect;
import ai.buywhere.store.TestDatabases;
import ai.buywhere.testsupport.MutableClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.store.FSDirectory;

/** A real catalog (SQLite or PostgreSQL) plus a search index in a temp dir. */
final class SearchFixture implements AutoCloseable {
  final TestDatabases.Created created;
  final Database db;
  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
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
    return openSearch(0);
  }

  /** Writer mode with a result cache of {@code resultCacheHits} hits. */
  SearchService openSearch(int resultCacheHits) {
    SearchService s =
        SearchService.open(indexDir, repo, writer, Duration.ofMillis(100), resultCacheHits);
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

  /** Generated products {@code sku-from} … {@code sku-(to-1)}, tagged in title and description. */
  static List<ProductInput> products(int from, int to, String tag) {
    List<ProductInput> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(
          product("sku-" + i, "Gadget " + tag + " " + i + " model X" + (i % 97) + "-" + i)
              .brand("Brand " + (i % 13))
              .description("A " + tag + " gadget, number " + i + ", for testing")
              .price(BigDecimal.valueOf(5 + i % 900).add(new BigDecimal("0.99")))
              .categoryPath(List.of("Electronics", "Kind " + (i % 5)))
              .build());
    }
    return out;
  }

  /** The committed index holds exactly the active products, each as the catalog has it. */
  void assertCommittedIndexEqualsCatalog() throws Exception {
    Map<String, Product> catalog =
        repo.changesSince(0, Integer.MAX_VALUE).stream()
            .filter(Product::active)
            .collect(Collectors.toMap(Product::id, Function.identity()));
    try (var directory = FSDirectory.open(indexDir);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      assertThat(reader.numDocs()).isEqualTo(catalog.size());
      IndexSearcher searcher = new IndexSearcher(reader);
      var docs = searcher.search(new MatchAllDocsQuery(), Math.max(1, reader.maxDoc()));
      Map<String, Product> indexed =
          new HitProducts(0)
              .read(searcher, docs.scoreDocs).stream()
                  .map(SearchHit::product)
                  .collect(Collectors.toMap(Product::id, Function.identity()));
      assertThat(indexed).isEqualTo(catalog);
      assertThat(SearchIndex.seqOf(reader.getIndexCommit().getUserData()))
          .isEqualTo(repo.currentSeq());
    }
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
