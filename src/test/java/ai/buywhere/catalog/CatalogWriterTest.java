package ai.buywhere.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.store.Database;
import ai.buywhere.store.Dialect;
import ai.buywhere.store.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CatalogWriterTest {
  @TempDir Path dir;

  private static ProductInput.Builder product(String sku, String price) {
    return ProductInput.builder(sku, "test_us")
        .title("Sony WH-1000XM5 " + sku)
        .brand("Sony")
        .price(price)
        .currency("USD")
        .countryCode("US")
        .categoryPath(List.of("Electronics", "Audio", "Headphones"))
        .structuredSpecs(Map.of("brand", "Sony", "model", "WH-1000XM5"));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void insertsUpdatesAndCountsUnchangedRows(Dialect dialect) throws Exception {
    try (var created = TestDatabases.create(dialect, dir);
        Database db = Database.open(created.config(), "test").migrate()) {
      CatalogWriter writer = new CatalogWriter(db, FxRates.defaults(), Clock.systemUTC(), 2);
      CatalogRepository repo = new CatalogRepository(db);

      WriteResult first =
          writer.write(
              List.of(
                  product("a", "100").build(),
                  product("b", "200").build(),
                  product("c", "300").build()));
      assertThat(first.inserted()).isEqualTo(3);
      assertThat(first.ids()).hasSize(3).doesNotHaveDuplicates();

      WriteResult second =
          writer.write(
              List.of(
                  product("a", "100").build(),
                  product("b", "180").originalPrice(new BigDecimal("200")).build()));
      assertThat(second.unchanged()).isEqualTo(1);
      assertThat(second.updated()).isEqualTo(1);
      assertThat(second.ids()).containsExactly(first.ids().get(0), first.ids().get(1));

      Product b = repo.findById(first.ids().get(1)).orElseThrow();
      assertThat(b.price()).isEqualByComparingTo("180");
      assertThat(b.discountPct()).isEqualByComparingTo("10.0");
      assertThat(b.normalizedPriceUsd()).isEqualByComparingTo("180");
      assertThat(b.region()).isEqualTo("us");
      assertThat(b.categoryPath()).containsExactly("Electronics", "Audio", "Headphones");
      assertThat(b.structuredSpecs()).containsEntry("model", "WH-1000XM5");
      assertThat(repo.priceHistory(b.id(), Instant.EPOCH))
          .extracting(PricePoint::price)
          .map(BigDecimal::intValue)
          .containsExactly(200, 180);
      assertThat(repo.priceHistory(first.ids().get(0), Instant.EPOCH)).hasSize(1);

      assertThat(repo.categories())
          .extracting(Category::slug)
          .containsExactly("electronics", "electronics-audio", "electronics-audio-headphones");

      // the change feed holds every row once, in write order, with b last
      List<Product> changes = repo.changesSince(0, 100);
      assertThat(changes).extracting(Product::sku).containsExactly("a", "c", "b");
      assertThat(repo.changesSince(changes.get(1).changeSeq(), 100))
          .extracting(Product::sku)
          .containsExactly("b");

      assertThat(writer.deactivate(List.of(b.id()))).isEqualTo(1);
      assertThat(repo.findById(b.id()).orElseThrow().active()).isFalse();
      assertThat(repo.countActive()).isEqualTo(2);
      // seen again: reactivated
      WriteResult again = writer.write(List.of(product("b", "180").build()));
      assertThat(again.updated()).isEqualTo(1);
      assertThat(repo.findById(b.id()).orElseThrow().active()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void concurrentWritersNeverLetTheChangeFeedSkipARow(Dialect dialect) throws Exception {
    try (var created = TestDatabases.create(dialect, dir);
        Database db = Database.open(created.config(), "test").migrate()) {
      Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
      CatalogWriter writer = new CatalogWriter(db, FxRates.defaults(), clock, 25);
      CatalogRepository repo = new CatalogRepository(db);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<WriteResult>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  List<ProductInput> rows = new ArrayList<>();
                  for (int i = 0; i < 200; i++) {
                    rows.add(product("t" + thread + "-" + i, String.valueOf(10 + i)).build());
                  }
                  return writer.write(rows);
                }));
      }
      // a reader tails the feed while the writers run, as an index would
      long applied = 0;
      java.util.Set<String> seen = new java.util.HashSet<>();
      while (seen.size() < 800) {
        for (Product p : repo.changesSince(applied, 97)) {
          assertThat(p.changeSeq()).isGreaterThan(applied);
          applied = p.changeSeq();
          seen.add(p.sku());
        }
        if (futures.stream().allMatch(Future::isDone) && repo.changesSince(applied, 1).isEmpty()) {
          break;
        }
      }
      for (Future<WriteResult> f : futures) {
        assertThat(f.get().inserted()).isEqualTo(200);
      }
      pool.shutdown();
      assertThat(seen).hasSize(800);
    }
  }

  /**
   * New ids are time-ordered UUIDs (version 7), so a load appends to the primary-key index; ids
   * handed out later sort after earlier ones, and an existing product keeps its id.
   */
  @ParameterizedTest
  @EnumSource(Dialect.class)
  void newIdsAreTimeOrderedUuidsAndAnUpdateKeepsItsId(Dialect dialect) throws Exception {
    try (var created = TestDatabases.create(dialect, dir);
        Database db = Database.open(created.config(), "test").migrate()) {
      CatalogWriter writer = new CatalogWriter(db, FxRates.defaults(), Clock.systemUTC(), 50);
      List<ProductInput> rows = new ArrayList<>();
      for (int i = 0; i < 120; i++) {
        rows.add(product("k" + (119 - i), "10").build());
      }
      List<String> ids = writer.write(rows).ids();
      assertThat(ids).hasSize(120).doesNotHaveDuplicates().isSorted();
      assertThat(ids).allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(7));

      WriteResult again = writer.write(List.of(product("k5", "11").build()));
      assertThat(again.updated()).isEqualTo(1);
      assertThat(again.ids()).containsExactly(ids.get(114));
    }
  }

  /**
   * Pins how values are stored (text, numbers, typed nulls): rows are bound by position on plain
   * JDBC, and must land exactly as the earlier Jdbi binding stored them.
   */
  @ParameterizedTest
  @EnumSource(Dialect.class)
  void storesValuesWithTheirTypesAndNulls(Dialect dialect) throws Exception {
    try (var created = TestDatabases.create(dialect, dir);
        Database db = Database.open(created.config(), "test").migrate()) {
      Clock clock = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);
      CatalogWriter writer = new CatalogWriter(db, FxRates.defaults(), clock);
      writer.write(
          List.of(
              ProductInput.builder("full", "edge")
                  .title("Full")
                  .description("d")
                  .brand("B")
                  .url("https://x.example/a")
                  .imageUrl("https://x.example/i.png")
                  .price(new BigDecimal("19.990"))
                  .originalPrice(new BigDecimal("25"))
                  .currency("SGD")
                  .countryCode("sg")
                  .region("sea")
                  .rating(new BigDecimal("4.50"))
                  .reviewCount(12)
                  .categoryPath(List.of("A", "B c"))
                  .structuredSpecs(Map.of("z", 1))
                  .comparisonAttributes(Map.of("w", "v"))
                  .availability(Availability.PREORDER)
                  .gtin("012345678905")
                  .model("M-1")
                  .merchantId("mm")
                  .domain("dd")
                  .build(),
              ProductInput.builder("bare", "edge")
                  .title("Bare")
                  .currency("USD")
                  .countryCode("US")
                  .build()));
      String[] columns = {
        "merchant_id",
        "domain",
        "description",
        "price",
        "original_price",
        "discount_pct",
        "normalized_price_usd",
        "country_code",
        "region",
        "rating",
        "review_count",
        "category_path",
        "category_slug",
        "structured_specs",
        "comparison_attributes",
        "availability",
        "gtin",
        "is_active",
        "content_hash",
        "change_seq",
        "updated_at"
      };
      StringBuilder sql = new StringBuilder("SELECT ");
      for (String c : columns) {
        sql.append(
                dialect == Dialect.SQLITE
                    ? "quote(" + c + ") || ':' || typeof(" + c + ")"
                    : "coalesce(" + c + "::text, 'NULL') || ':' || pg_typeof(" + c + ")")
            .append(" AS ")
            .append(c)
            .append(", ");
      }
      sql.setLength(sql.length() - 2);
      sql.append(" FROM products WHERE sku = :sku");
      Map<String, Object> full = row(db, sql.toString(), "full");
      Map<String, Object> bare = row(db, sql.toString(), "bare");
      if (dialect == Dialect.SQLITE) {
        assertThat(full)
            .containsEntry("merchant_id", "'mm':text")
            .containsEntry("price", "19.99:real")
            .containsEntry("original_price", "25:integer")
            .containsEntry("discount_pct", "20:integer")
            .containsEntry("normalized_price_usd", "14.8646:real")
            .containsEntry("country_code", "'SG':text")
            .containsEntry("rating", "4.5:real")
            .containsEntry("review_count", "12:integer")
            .containsEntry("category_path", "'[\"A\",\"B c\"]':text")
            .containsEntry("category_slug", "'a-b-c':text")
            .containsEntry("structured_specs", "'{\"z\":1}':text")
            .containsEntry("availability", "'preorder':text")
            .containsEntry("is_active", "1:integer")
            .containsEntry("content_hash", "'692500bfe38d06f1344aed18e19b99f5':text")
            .containsEntry("updated_at", "1772323200000:integer");
        assertThat(bare)
            .containsEntry("merchant_id", "'edge':text")
            .containsEntry("description", "NULL:null")
            .containsEntry("price", "NULL:null")
            .containsEntry("review_count", "NULL:null")
            .containsEntry("category_path", "NULL:null")
            .containsEntry("region", "'us':text")
            .containsEntry("availability", "'in_stock':text");
      } else {
        assertThat(full)
            .containsEntry("merchant_id", "mm:text")
            .containsEntry("price", "19.9900:numeric")
            .containsEntry("original_price", "25.0000:numeric")
            .containsEntry("discount_pct", "20.00:numeric")
            .containsEntry("normalized_price_usd", "14.8646:numeric")
            .containsEntry("rating", "4.50:numeric")
            .containsEntry("review_count", "12:integer")
            .containsEntry("category_path", "[\"A\",\"B c\"]:text")
            .containsEntry("is_active", "true:boolean")
            .containsEntry("content_hash", "692500bfe38d06f1344aed18e19b99f5:text")
            .containsEntry("updated_at", "1772323200000:bigint");
        assertThat(bare)
            .containsEntry("description", "NULL:text")
            .containsEntry("price", "NULL:numeric")
            .containsEntry("review_count", "NULL:integer")
            .containsEntry("region", "us:text");
      }
    }
  }

  private static Map<String, Object> row(Database db, String sql, String sku) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).bind("sku", sku).mapToMap().one());
  }
}
