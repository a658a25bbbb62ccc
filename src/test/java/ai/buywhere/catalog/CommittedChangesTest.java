package ai.buywhere.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.importer.ImportDefaults;
import ai.buywhere.importer.ImportFormat;
import ai.buywhere.importer.ImportListener;
import ai.buywhere.importer.ImportReport;
import ai.buywhere.importer.ProductImporter;
import ai.buywhere.importer.SharedData;
import ai.buywhere.store.Database;
import ai.buywhere.store.Dialect;
import ai.buywhere.store.TestDatabases;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rows a commit hands to listeners are exactly the rows a read of its sequence block returns,
 * on both stores: for the real 34k file, for edge values (long decimals, nested specs, no price),
 * for updates (which keep first_seen and created_at) and for re-activated rows.
 */
class CommittedChangesTest {
  @TempDir Path dir;

  private final RecordingListener recorder = new RecordingListener();
  private final List<CommittedChanges> seen = recorder.seen();

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void handedOverRowsAreTheRowsAsARead(Dialect dialect) throws Exception {
    try (var created = TestDatabases.create(dialect, dir);
        Database db = Database.open(created.config(), "test").migrate()) {
      FxRates fx = FxRates.defaults();
      CatalogWriter writer = new CatalogWriter(db, fx, Clock.systemUTC());
      CatalogRepository repo = new CatalogRepository(db);
      writer.addListener(recorder);

      Path file = SharedData.retailProducts();
      ImportReport report =
          new ProductImporter(
                  writer, new ProductValidator(fx), Clock.systemUTC(), CatalogWriter.DEFAULT_CHUNK)
              .run(
                  file,
                  ImportFormat.fromFileName(file).orElseThrow(),
                  new ImportDefaults(null, "US", null),
                  ImportListener.NONE);
      assertThat(report.inserted()).isEqualTo(34_375);
      assertHandedOverEqualsRead(repo, 34_375, 34_375);

      List<String> edgeIds = writer.write(edgeRows("v1")).ids();
      assertHandedOverEqualsRead(repo, edgeRows("v1").size(), edgeRows("v1").size());

      writer.write(edgeRows("v2"));
      assertHandedOverEqualsRead(repo, edgeRows("v2").size(), 0);
      for (CommittedChanges c : seen) {
        for (CommittedChanges.WrittenRow r : c.rows()) {
          assertThat(r.product().firstSeen()).isBefore(r.product().updatedAt());
          assertThat(r.product().createdAt()).isEqualTo(r.product().firstSeen());
        }
      }
      seen.clear();

      writer.deactivate(edgeIds.subList(0, 3));
      assertThat(seen).singleElement().extracting(CommittedChanges::rows).isNull();
      seen.clear();
      writer.write(edgeRows("v2").subList(0, 3));
      assertHandedOverEqualsRead(repo, 3, 0);
    }
  }

  /**
   * Every recorded commit's rows equal a read of its sequence block, commits follow each other
   * without gaps (one writer), and {@code rows} rows were handed over, {@code inserted} of them
   * new.
   */
  private void assertHandedOverEqualsRead(CatalogRepository repo, int rows, int inserted) {
    int n = 0;
    int added = 0;
    long previous = -1;
    for (CommittedChanges c : seen) {
      if (previous >= 0) {
        assertThat(c.afterSeq()).isEqualTo(previous);
      }
      previous = c.lastSeq();
      assertThat(c.epoch()).isEqualTo(repo.epoch());
      List<Product> handed = c.rows().stream().map(CommittedChanges.WrittenRow::product).toList();
      assertThat(handed)
          .isEqualTo(repo.changesBetween(c.afterSeq(), c.lastSeq(), Integer.MAX_VALUE));
      n += handed.size();
      added += (int) c.rows().stream().filter(CommittedChanges.WrittenRow::inserted).count();
    }
    assertThat(n).isEqualTo(rows);
    assertThat(added).isEqualTo(inserted);
    seen.clear();
  }

  private static List<ProductInput> edgeRows(String version) {
    boolean v2 = version.equals("v2");
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("weight_kg", v2 ? 1.25 : 1.5);
    nested.put("ports", List.of("usb-c", 2, true, 3.0, Long.MAX_VALUE));
    nested.put("inner", Map.of("a", List.of(), "b", Map.of("c", 12345678901L)));
    nested.put("nothing", null);
    List<ProductInput> out = new ArrayList<>();
    out.add(
        base("long-decimals", version)
            .price(v2 ? "19.999949" : "19.99995")
            .originalPrice(new BigDecimal("29.123456789"))
            .rating(new BigDecimal("4.567"))
            .build());
    out.add(
        base("big-price-vnd", version)
            .price("9999999999.9999")
            .currency("VND")
            .countryCode("VN")
            .build());
    out.add(base("eur-to-usd", version).price("9999999999.1234").currency("EUR").build());
    out.add(base("no-price", version).price((BigDecimal) null).build());
    out.add(
        base("whole-price", version)
            .price("1500.00")
            .originalPrice(new BigDecimal("2E+3"))
            .build());
    out.add(base("no-discount", version).price("20").originalPrice(new BigDecimal("10")).build());
    out.add(
        base("specs", version)
            .structuredSpecs(nested)
            .comparisonAttributes(Map.of("screen_in", 6.1, "colour", "blue"))
            .categoryPath(List.of("Électronique", "Téléphones 📱"))
            .availability(v2 ? Availability.LIMITED : Availability.PREORDER)
            .gtin("0012345678905")
            .model("SM-S921B/DS")
            .reviewCount(0)
            .rating(BigDecimal.ZERO)
            .region("sea")
            .build());
    out.add(
        base("bare", version)
            .merchantId(null)
            .domain(null)
            .brand(null)
            .description(null)
            .url(null)
            .imageUrl(null)
            .categoryPath(List.of())
            .build());
    return out;
  }

  private static ProductInput.Builder base(String sku, String version) {
    return ProductInput.builder(sku, "edge")
        .title("Edge case " + sku + " " + version)
        .description("Described " + version)
        .brand("Brand")
        .merchantId("edge-shop")
        .domain("edge.example")
        .url("https://edge.example/p/" + sku)
        .imageUrl("https://edge.example/i/" + sku + ".jpg")
        .price("10.5")
        .currency("USD")
        .countryCode("us")
        .categoryPath(List.of("Electronics", "Phones"));
  }
}
