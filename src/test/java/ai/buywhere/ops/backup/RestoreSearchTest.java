package ai.buywhere.ops.backup;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.app.Application;
import ai.buywhere.app.Settings;
import ai.buywhere.catalog.ProductInput;
import ai.buywhere.search.SearchHit;
import ai.buywhere.search.SearchRequest;
import ai.buywhere.search.SortOrder;
import ai.buywhere.store.Dialect;
import ai.buywhere.store.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A restore under a running node brings search back to what it answered when the backup was taken:
 * the restore gives the catalog a new epoch and the running indexer rebuilds from it, with no
 * restart and no manual reindex.
 */
class RestoreSearchTest {
  @TempDir Path dir;

  private static ProductInput item(String sku, String title, String price, String cc) {
    return ProductInput.builder(sku, "restore_" + cc.toLowerCase())
        .title(title)
        .brand(title.split(" ")[0])
        .price(price)
        .currency(cc.equals("US") ? "USD" : "SGD")
        .countryCode(cc)
        .build();
  }

  private static List<List<String>> answers(Application app) {
    List<List<String>> out = new ArrayList<>();
    for (String q : List.of("headphones", "espresso", "sony")) {
      for (SortOrder sort : List.of(SortOrder.RELEVANCE, SortOrder.PRICE_ASC)) {
        List<String> ids = new ArrayList<>();
        for (SearchHit h :
            app.search()
                .search()
                .search(SearchRequest.builder().q(q).sort(sort).limit(50).build())
                .hits()) {
          ids.add(
              h.product().id() + "@" + h.product().price().stripTrailingZeros().toPlainString());
        }
        out.add(ids);
      }
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void restoreThenReindexGivesTheSameSearchResults(Dialect dialect) throws Exception {
    try (TestDatabases.Created db = TestDatabases.create(dialect, dir)) {
      Map<String, String> env = new HashMap<>();
      env.put("DATA_DIR", dir.resolve("data").toString());
      env.put("ALERT_EVALUATION_INTERVAL_S", "0");
      if (dialect == Dialect.POSTGRESQL) {
        env.put("DATABASE_URL", db.config().jdbcUrl());
      }
      try (Application app = Application.open(Settings.of(env, Map.of()))) {
        long seq =
            app.catalogWriter()
                .write(
                    List.of(
                        item("a", "Sony WH-1000XM5 Headphones", "399", "US"),
                        item("b", "Bose QuietComfort Headphones", "329", "US"),
                        item("c", "Sony WF-1000XM5 Earbuds", "299", "US"),
                        item("d", "Breville Barista Espresso Machine", "699", "US"),
                        item("e", "Sony WH-1000XM5 Headphones", "549", "SG"),
                        item("f", "DeLonghi Dedica Espresso Maker", "289", "SG")))
                .lastSeq();
        assertThat(app.search().awaitSeq(seq, Duration.ofSeconds(30))).isTrue();
        List<List<String>> before = answers(app);
        BackupEntry backup = app.backups().create(BackupTier.HOURLY);

        long changed =
            app.catalogWriter()
                .write(
                    List.of(
                        item("a", "Sony WH-1000XM5 Headphones", "349", "US"),
                        item("g", "Sennheiser Momentum 4 Headphones", "379", "US"),
                        item("h", "Gaggia Classic Espresso Machine", "449", "SG")))
                .lastSeq();
        app.catalogWriter()
            .deactivate(
                List.of(app.catalog().findBySkuAndSource("b", "restore_us").orElseThrow().id()));
        assertThat(app.search().awaitSeq(app.catalog().currentSeq(), Duration.ofSeconds(30)))
            .isTrue();
        assertThat(changed).isGreaterThan(seq);
        assertThat(answers(app)).isNotEqualTo(before);

        app.backups().restore(backup, Optional.empty(), true);
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(answers(app)).isEqualTo(before));
      }
    }
  }
}
