package ai.buywhere.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.catalog.CatalogRepository;
import ai.buywhere.search.SearchIndex;
import ai.buywhere.search.SearchService;
import ai.buywhere.store.Database;
import ai.buywhere.store.DatabaseConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code buywhere import} end to end on embedded storage: exit codes, output, rejects, index. */
class ImportCommandTest {
  @TempDir Path dir;

  private String out;
  private String err;

  private int run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      return BuyWhereCommand.execute(args);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
      out = o.toString(StandardCharsets.UTF_8);
      err = e.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void importsReportsRejectionsAndCatchesUpTheIndex() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("p.jsonl"),
            "{\"sku\":\"a\",\"title\":\"Sony WH-1000XM5\",\"price\":549}\n"
                + "{\"sku\":\"b\",\"title\":\"Bose QC Ultra\",\"price\":-1}\n"
                + "{\"sku\":\"c\",\"title\":\"JBL Flip 6\"}\n");
    Path data = dir.resolve("data");
    Path rejects = dir.resolve("rejects.jsonl");
    int code =
        run(
            "import",
            "--data-dir",
            data.toString(),
            "--source",
            "feed",
            "--country",
            "SG",
            "--rejects",
            rejects.toString(),
            file.toString());

    assertThat(code).as(err).isZero();
    assertThat(out).contains("read 3, inserted 2, updated 0, unchanged 0, rejected 1");
    assertThat(out).contains("search index up to date");
    assertThat(err).contains("rejected line 2 (sku b): invalid_price (price)");
    List<String> lines = Files.readAllLines(rejects);
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).contains("\"line\":2", "\"sku\":\"b\"", "\"code\":\"invalid_price\"");
    try (var reader = DirectoryReader.open(FSDirectory.open(SearchService.indexDir(data)))) {
      assertThat(reader.numDocs()).isEqualTo(2);
    }

    assertThat(
            run(
                "import",
                "--data-dir",
                data.toString(),
                "--source",
                "feed",
                "--country",
                "SG",
                file.toString()))
        .isZero();
    assertThat(out).contains("inserted 0, updated 0, unchanged 2, rejected 1");
  }

  @Test
  void leavesIndexingToTheServerThatHoldsTheIndex() throws Exception {
    Path file = Files.writeString(dir.resolve("p.csv"), "sku,title,price\na,Sony WH-1000XM5,549\n");
    Path data = dir.resolve("data");
    try (SearchIndex held = SearchIndex.openWriter(SearchService.indexDir(data))) {
      int code =
          run(
              "import",
              "--data-dir",
              data.toString(),
              "--source",
              "f",
              "--country",
              "US",
              file.toString());
      assertThat(code).as(err).isZero();
      assertThat(out).contains("inserted 1").contains("running server");
    }
  }

  @Test
  void badFilesAndOptionsFailWithAClearMessage() throws Exception {
    Path data = dir.resolve("data");
    assertThat(run("import", "--data-dir", data.toString(), dir.resolve("nope.jsonl").toString()))
        .isEqualTo(1);
    assertThat(err).contains("no such file");

    Path txt = Files.writeString(dir.resolve("p.txt"), "x");
    assertThat(run("import", "--data-dir", data.toString(), txt.toString())).isEqualTo(2);
    assertThat(err).contains("--format jsonl or --format csv");

    Path ok = Files.writeString(dir.resolve("p.jsonl"), "{}\n");
    assertThat(run("import", "--data-dir", data.toString(), "--country", "XX", ok.toString()))
        .isEqualTo(2);
    assertThat(err).contains("--country XX");
    assertThat(run("import", "--data-dir", data.toString(), "--currency", "ABC", ok.toString()))
        .isEqualTo(2);
    assertThat(err).contains("--currency ABC");
  }

  @Test
  void theIndexFollowsALargerLoadAndHoldsExactlyTheCatalog() throws Exception {
    Path file = dir.resolve("big.jsonl");
    Files.write(file, generated(3_200));
    Path data = dir.resolve("data");
    int code = importGenerated(data, file, 400);

    assertThat(code).as(err).isZero();
    assertThat(out).contains("inserted 3200");
    assertIndexHoldsExactlyTheCatalog(data);
    assertThat(out)
        .containsPattern(
            "search index up to date at change "
                + currentSeq(data)
                + " \\(.*\\): \\d+\\.\\d s in all, \\d+ rows/s including indexing");
  }

  @Test
  void aLoadThatBreaksOffStillIndexesTheChunksItCommitted() throws Exception {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (var zip = new GZIPOutputStream(gz)) {
      for (String line : generated(3_000)) {
        zip.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] whole = gz.toByteArray();
    Path file =
        Files.write(dir.resolve("cut.jsonl.gz"), Arrays.copyOf(whole, whole.length * 2 / 3));
    Path data = dir.resolve("data");
    int code = importGenerated(data, file, 250);

    assertThat(code).isEqualTo(1);
    assertThat(err).contains("cannot read");
    assertIndexHoldsExactlyTheCatalog(data);
  }

  /** {@code import} of a generated file (source "gen", US) in chunks of {@code chunk} rows. */
  private int importGenerated(Path data, Path file, int chunk) {
    return run(
        "import",
        "--data-dir",
        data.toString(),
        "--source",
        "gen",
        "--country",
        "US",
        "--chunk-size",
        Integer.toString(chunk),
        file.toString());
  }

  private static List<String> generated(int rows) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      lines.add(
          "{\"sku\":\"g-"
              + i
              + "\",\"title\":\"Generated gadget "
              + i
              + " model GX"
              + i
              + "\",\"brand\":\"Gen\",\"price\":"
              + (5 + i % 400)
              + ".25,\"category_path\":\"Test > Generated\"}");
    }
    return lines;
  }

  /** Every active product of the catalog is in the committed index once, and nothing else. */
  private static void assertIndexHoldsExactlyTheCatalog(Path data) throws Exception {
    List<String> ids;
    try (Database db = Database.open(DatabaseConfig.sqlite(data.resolve("buywhere.db"), 1), "t")) {
      ids =
          db.jdbi()
              .withHandle(
                  h ->
                      h.createQuery("SELECT id FROM products WHERE is_active = TRUE")
                          .mapTo(String.class)
                          .list());
    }
    assertThat(ids).isNotEmpty();
    try (var reader = DirectoryReader.open(FSDirectory.open(SearchService.indexDir(data)))) {
      assertThat(reader.numDocs()).isEqualTo(ids.size());
      IndexSearcher searcher = new IndexSearcher(reader);
      for (String id : ids) {
        assertThat(searcher.count(new TermQuery(new Term("id", id)))).as(id).isEqualTo(1);
      }
      assertThat(reader.getIndexCommit().getUserData())
          .containsEntry("buywhere.seq", String.valueOf(currentSeq(data)));
    }
  }

  private static long currentSeq(Path data) {
    try (Database db = Database.open(DatabaseConfig.sqlite(data.resolve("buywhere.db"), 1), "t")) {
      return new CatalogRepository(db).currentSeq();
    }
  }
}
