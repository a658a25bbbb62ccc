package ai.buywhere.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.buywhere.app.Main;
import ai.buywhere.catalog.CatalogRepository;
import ai.buywhere.catalog.CatalogWriter;
import ai.buywhere.catalog.FxRates;
import ai.buywhere.catalog.ProductValidator;
import ai.buywhere.search.SearchIndex;
import ai.buywhere.search.SearchIndexer;
import ai.buywhere.search.SearchService;
import ai.buywhere.store.Database;
import ai.buywhere.store.DatabaseConfig;
import ai.buywhere.store.Dialect;
import ai.buywhere.store.TestDatabases;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Kills a real {@code buywhere import} process half-way and checks what it left: whole chunks only,
 * a price-history row for every priced product, a consistent change sequence, a search index whose
 * last commit holds exactly the rows up to the sequence it names, and a re-run that finishes the
 * job without touching the rows already there.
 */
class ImportCrashTest {
  private static final int ROWS = 10_000;
  private static final int CHUNK = 100;

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void killedImportLeavesWholeChunksAndResumes(Dialect dialect) throws Exception {
    Path file = dir.resolve("big.jsonl");
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      for (int i = 0; i < ROWS; i++) {
        w.write(
            "{\"sku\":\"g-"
                + i
                + "\",\"title\":\"Generated product "
                + i
                + "\",\"brand\":\"Gen\",\"category_path\":\"Test > Generated\""
                + (i % 10 == 0 ? "" : ",\"price\":" + (10 + i % 500) + ".5")
                + "}\n");
      }
    }
    Path data = dir.resolve("data");
    try (var created = TestDatabases.create(dialect, data)) {
      killAndResume(file, data, created.config());
    }
  }

  private void killAndResume(Path file, Path data, DatabaseConfig config) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "import",
                "--data-dir",
                data.toString(),
                "--source",
                "gen",
                "--country",
                "SG",
                "--chunk-size",
                String.valueOf(CHUNK),
                file.toString()));
    if (config.dialect() == Dialect.POSTGRESQL) {
      command.add("--database-url=" + config.jdbcUrl());
    }
    Process child =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    try {
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> countOrZero(config) > 0);
    } finally {
      child.destroyForcibly();
      child.waitFor();
    }

    try (Database db = Database.open(config, "check").migrate()) {
      long n = count(db, "SELECT COUNT(*) FROM products");
      assertThat(n).as("killed mid-import").isLessThan(ROWS).isPositive();
      assertThat(n % CHUNK).as("only whole chunks committed").isZero();
      assertThat(
              count(
                  db,
                  "SELECT COUNT(*) FROM products p WHERE p.price IS NOT NULL AND NOT EXISTS"
                      + " (SELECT 1 FROM price_history h WHERE h.product_id = p.id)"))
          .as("priced products without history")
          .isZero();
      assertThat(count(db, "SELECT COUNT(DISTINCT change_seq) FROM products")).isEqualTo(n);
      long top = new CatalogRepository(db).currentSeq();
      assertThat(count(db, "SELECT MAX(change_seq) FROM products")).isLessThanOrEqualTo(top);

      // the index the killed run was filling: its last commit holds exactly the rows up to the
      // sequence it names (the documents applied after that commit never became durable)
      Path indexDir = SearchService.indexDir(data);
      try (var directory = FSDirectory.open(indexDir)) {
        if (DirectoryReader.indexExists(directory)) {
          try (var reader = DirectoryReader.open(directory)) {
            long seq =
                Long.parseLong(
                    reader.getIndexCommit().getUserData().getOrDefault("buywhere.seq", "0"));
            assertThat(reader.numDocs())
                .as("index committed at change %d", seq)
                .isEqualTo(count(db, "SELECT COUNT(*) FROM products WHERE change_seq <= " + seq));
          }
        }
      }

      FxRates fx = FxRates.defaults();
      Clock clock = Clock.systemUTC();
      ImportReport rerun =
          new ProductImporter(
                  new CatalogWriter(db, fx, clock, 500), new ProductValidator(fx), clock, 500)
              .run(
                  file,
                  ImportFormat.JSONL,
                  new ImportDefaults("gen", "SG", null),
                  ImportListener.NONE);
      assertThat(rerun.unchanged()).isEqualTo(n);
      assertThat(rerun.inserted()).isEqualTo(ROWS - n);
      assertThat(rerun.updated() + rerun.rejected()).isZero();
      assertThat(count(db, "SELECT COUNT(*) FROM products")).isEqualTo(ROWS);
      assertThat(count(db, "SELECT COUNT(*) FROM price_history")).isEqualTo(ROWS - ROWS / 10);
      assertThat(count(db, "SELECT COUNT(DISTINCT change_seq) FROM products")).isEqualTo(ROWS);
      assertThat(new CatalogRepository(db).changesSince(0, ROWS + 1)).hasSize(ROWS);

      // restart: the index catches up from the change sequence and agrees with the catalog
      try (SearchIndex index = SearchIndex.openWriter(indexDir);
          SearchIndexer indexer =
              new SearchIndexer(index, new CatalogRepository(db), Duration.ofSeconds(1))) {
        indexer.start();
        assertThat(indexer.appliedSeq()).isEqualTo(new CatalogRepository(db).currentSeq());
      }
      try (var reader = DirectoryReader.open(FSDirectory.open(indexDir))) {
        assertThat(reader.numDocs()).isEqualTo(ROWS);
      }
    }
  }

  private static long countOrZero(DatabaseConfig config) {
    if (config.dialect() == Dialect.SQLITE
        && !Files.exists(Path.of(config.jdbcUrl().substring("jdbc:sqlite:".length())))) {
      return 0; // let the child create the file
    }
    try (Database db = Database.open(config, "probe")) {
      return count(db, "SELECT COUNT(*) FROM products");
    } catch (RuntimeException e) {
      return 0; // schema not migrated yet
    }
  }

  private static long count(Database db, String sql) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }
}
