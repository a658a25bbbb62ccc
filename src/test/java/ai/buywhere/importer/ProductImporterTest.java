package ai.buywhere.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.buywhere.catalog.CatalogRepository;
import ai.buywhere.catalog.CatalogWriter;
import ai.buywhere.catalog.FxRates;
import ai.buywhere.catalog.PricePoint;
import ai.buywhere.catalog.Product;
import ai.buywhere.catalog.ProductValidator;
import ai.buywhere.catalog.RejectReason;
import ai.buywhere.store.Database;
import ai.buywhere.store.Dialect;
import ai.buywhere.store.TestDatabases;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProductImporterTest {
  @TempDir Path dir;

  static final String JSONL =
      String.join(
          "\n",
          "{\"sku\":\"hp-1\",\"title\":\"Sony WH-1000XM5\",\"price\":549,\"original_price\":649,"
              + "\"currency\":\"SGD\",\"country_code\":\"SG\",\"brand\":\"Sony\",\"model\":\"WH-1000XM5\","
              + "\"domain\":\"lazada\",\"merchant_id\":\"lazada_sg\",\"url\":\"https://www.lazada.sg/p/1\","
              + "\"category_path\":\"Electronics > Audio > Headphones\",\"availability\":\"in stock\","
              + "\"rating\":4.8,\"review_count\":120,\"structured_specs\":{\"color\":\"Black\"}}",
          "{\"id\":\"abt:552\",\"name\":\"Sony Turntable - PSLX350H\",\"merchant\":\"abt.com\","
              + "\"category\":[\"Audio\",\"Turntables\"],\"ship_weight\":\"2.0\"}",
          "",
          "{\"sku\":\"bad-json\",",
          "{\"sku\":\"p-abc\",\"title\":\"Bad price\",\"price\":\"abc\"}",
          "{\"sku\":\"no-title\",\"price\":10}",
          "{\"sku\":\"hi-rating\",\"title\":\"Too good\",\"rating\":7,\"url\":\"ftp://x\"}",
          "[1,2]",
          "{\"sku\":\"us-1\",\"title\":\"Bose QC Ultra\",\"price\":\"429.00\",\"country_code\":\"us\"}");

  static final String CSV =
      "sku,title,price,currency,country_code,category_path,structured_specs,availability\n"
          + "hp-1,Sony WH-1000XM5,549,SGD,SG,Electronics > Audio > Headphones,\"{\"\"color\"\":\"\"Black\"\"}\",in_stock\n"
          + "hp-2,\"Bose, QuietComfort\nUltra\",599,,,\"[\"\"Electronics\"\",\"\"Audio\"\"]\",,limited\n"
          + "hp-3,Too many,1,SGD,SG,a,,in_stock,extra,cells\n"
          + "hp-4,No price,,,,,,\n"
          + "hp-5,Bad availability,5,,,,,sometimes\n";

  private ImportReport run(
      Database db, Path file, ImportFormat f, ImportDefaults d, List<Rejection> out) {
    return run(db, file, f, d, out, Clock.systemUTC());
  }

  private ImportReport run(
      Database db, Path file, ImportFormat f, ImportDefaults d, List<Rejection> out, Clock clock) {
    FxRates fx = FxRates.defaults();
    ProductImporter importer =
        new ProductImporter(
            new CatalogWriter(db, fx, clock, 2), new ProductValidator(fx), clock, 2);
    return importer.run(
        file,
        f,
        d,
        new ImportListener() {
          @Override
          public void rejected(Rejection r) {
            out.add(r);
          }
        });
  }

  private static Map<Long, List<String>> codesByLine(List<Rejection> rejections) {
    return rejections.stream()
        .collect(
            Collectors.toMap(
                Rejection::line, r -> r.reasons().stream().map(RejectReason::code).toList()));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void jsonLinesWithDefaultsAndRejections(Dialect dialect) throws Exception {
    Path file = write("p.jsonl", JSONL);
    try (var created = TestDatabases.create(dialect, dir);
        Database db = Database.open(created.config(), "test").migrate()) {
      List<Rejection> rejected = new ArrayList<>();
      ImportReport r =
          run(db, file, ImportFormat.JSONL, new ImportDefaults("feed", "SG", null), rejected);

      assertThat(r.read()).isEqualTo(8);
      assertThat(r.inserted()).isEqualTo(3);
      assertThat(r.rejected()).isEqualTo(5);
      Map<Long, List<String>> codes = codesByLine(rejected);
      assertThat(codes.get(4L)).containsExactly("malformed");
      assertThat(codes.get(5L)).containsExactly("invalid_price");
      assertThat(codes.get(6L)).containsExactly("missing_title");
      assertThat(codes.get(7L)).containsExactlyInAnyOrder("invalid_url", "invalid_rating");
      assertThat(codes.get(8L)).containsExactly("malformed");
      assertThat(rejected)
          .filteredOn(x -> x.line() == 5)
          .extracting(Rejection::sku)
          .containsExactly("p-abc");

      CatalogRepository repo = new CatalogRepository(db);
      Product hp = repo.findBySkuAndSource("hp-1", "feed").orElseThrow();
      assertThat(hp.discountPct()).isEqualByComparingTo("15.4");
      assertThat(hp.categoryPath()).containsExactly("Electronics", "Audio", "Headphones");
      assertThat(hp.domain()).isEqualTo("lazada");
      assertThat(hp.merchantId()).isEqualTo("lazada_sg");
      assertThat(hp.structuredSpecs()).containsEntry("color", "Black");

      Product abt = repo.findBySkuAndSource("abt:552", "feed").orElseThrow();
      assertThat(abt.title()).isEqualTo("Sony Turntable - PSLX350H");
      assertThat(abt.price()).isNull();
      assertThat(abt.currency()).isEqualTo("SGD");
      assertThat(abt.countryCode()).isEqualTo("SG");
      assertThat(abt.domain()).isEqualTo("abt.com");
      assertThat(abt.merchantId()).isEqualTo("abt.com");
      assertThat(abt.categoryPath()).containsExactly("Audio", "Turntables");
      assertThat(abt.structuredSpecs()).containsEntry("ship_weight", "2.0");
      assertThat(repo.priceHistory(abt.id(), Instant.EPOCH)).isEmpty();

      Product us = repo.findBySkuAndSource("us-1", "feed").orElseThrow();
      assertThat(us.countryCode()).isEqualTo("US");
      assertThat(us.currency()).isEqualTo("USD");
      assertThat(us.region()).isEqualTo("us");
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void csvAndGzipAndReimportAndPriceChange(Dialect dialect) throws Exception {
    Path file = dir.resolve("p.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(CSV.getBytes(StandardCharsets.UTF_8));
    }
    try (var created = TestDatabases.create(dialect, dir);
        Database db = Database.open(created.config(), "test").migrate()) {
      ImportDefaults defaults = new ImportDefaults("csvfeed", "SG", null);
      List<Rejection> rejected = new ArrayList<>();
      ImportReport r =
          run(db, file, ImportFormat.fromFileName(file).orElseThrow(), defaults, rejected);
      assertThat(r.read()).isEqualTo(5);
      assertThat(r.inserted()).isEqualTo(3);
      Map<Long, List<String>> codes = codesByLine(rejected);
      assertThat(codes).containsOnlyKeys(5L, 7L);
      assertThat(codes.get(5L)).containsExactly("malformed");
      assertThat(codes.get(7L)).containsExactly("invalid_availability");

      CatalogRepository repo = new CatalogRepository(db);
      Product hp2 = repo.findBySkuAndSource("hp-2", "csvfeed").orElseThrow();
      assertThat(hp2.title()).isEqualTo("Bose, QuietComfort\nUltra");
      assertThat(hp2.categoryPath()).containsExactly("Electronics", "Audio");
      assertThat(hp2.availability()).isEqualTo("limited");
      assertThat(repo.findBySkuAndSource("hp-1", "csvfeed").orElseThrow().structuredSpecs())
          .containsEntry("color", "Black");
      assertThat(repo.findBySkuAndSource("hp-4", "csvfeed").orElseThrow().price()).isNull();

      ImportReport again = run(db, file, ImportFormat.CSV, defaults, new ArrayList<>());
      assertThat(again.unchanged()).isEqualTo(3);
      assertThat(again.inserted() + again.updated()).isZero();

      Path changed =
          write("changed.csv", CSV.replace("hp-1,Sony WH-1000XM5,549", "hp-1,Sony WH-1000XM5,499"));
      ImportReport third = run(db, changed, ImportFormat.CSV, defaults, new ArrayList<>());
      assertThat(third.updated()).isEqualTo(1);
      assertThat(third.unchanged()).isEqualTo(2);
      Product hp1 = repo.findBySkuAndSource("hp-1", "csvfeed").orElseThrow();
      assertThat(repo.priceHistory(hp1.id(), Instant.EPOCH))
          .extracting(PricePoint::price)
          .map(p -> p.stripTrailingZeros().toPlainString())
          .containsExactly("549", "499");
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void recordsWithoutCountryOrSourceAreRejectedWithoutDefaults(Dialect dialect) throws Exception {
    Path file =
        write(
            "p.jsonl",
            "{\"sku\":\"a\",\"title\":\"A\",\"source\":\"s\"}\n{\"sku\":\"b\",\"title\":\"B\",\"country_code\":\"SG\"}\n{\"sku\":\"c\",\"title\":\"C\",\"source\":\"s\",\"country_code\":\"SG\",\"currency\":\"XYZ\"}\n");
    try (var created = TestDatabases.create(dialect, dir);
        Database db = Database.open(created.config(), "test").migrate()) {
      List<Rejection> rejected = new ArrayList<>();
      ImportReport r = run(db, file, ImportFormat.JSONL, ImportDefaults.NONE, rejected);
      assertThat(r.rejected()).isEqualTo(3);
      assertThat(r.written()).isZero();
      Map<Long, List<String>> codes = codesByLine(rejected);
      assertThat(codes.get(1L))
          .containsExactlyInAnyOrder("missing_country_code", "missing_currency");
      assertThat(codes.get(2L)).containsExactly("missing_source");
      assertThat(codes.get(3L)).containsExactly("invalid_currency");
      assertThat(new CatalogRepository(db).countActive()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void unreadableFilesFailWithAClearMessageAndWriteNothing(Dialect dialect) throws Exception {
    try (var created = TestDatabases.create(dialect, dir);
        Database db = Database.open(created.config(), "test").migrate()) {
      List<Rejection> none = new ArrayList<>();
      assertThatThrownBy(
              () ->
                  run(
                      db,
                      dir.resolve("missing.jsonl"),
                      ImportFormat.JSONL,
                      ImportDefaults.NONE,
                      none))
          .isInstanceOf(ImportException.class)
          .hasMessageContaining("no such file");
      Path notGz = write("x.jsonl.gz", "{\"sku\":1}\n");
      assertThatThrownBy(() -> run(db, notGz, ImportFormat.JSONL, ImportDefaults.NONE, none))
          .isInstanceOf(ImportException.class)
          .hasMessageContaining("not in gzip format");
      Path array = write("a.json", "[{\"sku\":\"a\"}]\n");
      assertThatThrownBy(() -> run(db, array, ImportFormat.JSONL, ImportDefaults.NONE, none))
          .isInstanceOf(ImportException.class)
          .hasMessageContaining("JSON array");
      Path noTitle = write("n.csv", "sku,price\na,1\n");
      assertThatThrownBy(() -> run(db, noTitle, ImportFormat.CSV, ImportDefaults.NONE, none))
          .isInstanceOf(ImportException.class)
          .hasMessageContaining("no title");
      assertThat(new CatalogRepository(db).countActive()).isZero();
    }
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }
}
