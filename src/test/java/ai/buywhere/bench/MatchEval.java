package ai.buywhere.bench;

import ai.buywhere.search.LuceneProductSearch;
import ai.buywhere.search.SearchHit;
import ai.buywhere.search.SearchIndex;
import ai.buywhere.search.SearchRequest;
import ai.buywhere.shared.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Relevance proxy, ours vs PostgreSQL full-text, on cross-merchant match pairs: query = the left
 * item's name, target = the right item's id (our sku). Prints recall@10 and MRR@10, counting every
 * hit and with the query's own item left out of the ranking, the same definitions as the search
 * engineer's {@code ai.buywhere.search.bench.RelevanceEval}, but for both engines on the catalogs
 * the import benchmark built.
 *
 * <p>Usage: {@code MatchEval DATA_DIR PG_JDBC_URL|- PRODUCTS.jsonl.gz MATCHES.csv SPLIT}, SPLIT =
 * {@code dev}, {@code heldout} or {@code all} (the {@code split} column). Held-out rows ({@code
 * eval/matches.csv}) are for reporting only: nothing is tuned here.
 */
public final class MatchEval {
  private MatchEval() {}

  /** Top skus for a query, best first. */
  interface Ranker {
    List<String> top(String q, int n) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]);
    String pgUrl = args[1];
    Map<String, String> titles = titles(Path.of(args[2]));
    List<String[]> pairs = pairs(Path.of(args[3]), args[4]);
    System.out.printf("%s split=%s: %d pairs%n", args[3], args[4], pairs.size());
    try (SearchIndex index =
        SearchIndex.openReadOnly(dataDir.resolve("index"), Duration.ofHours(1))) {
      LuceneProductSearch lucene = new LuceneProductSearch(index);
      evaluate(
          "lucene (ours)",
          (q, n) -> {
            List<String> skus = new ArrayList<>();
            for (SearchHit h :
                lucene.search(SearchRequest.builder().q(q).limit(n).build()).hits()) {
              skus.add(h.product().sku());
            }
            return skus;
          },
          pairs,
          titles);
    }
    if (!pgUrl.equals("-")) {
      var c = DriverManager.getConnection(pgUrl);
      PgFullText.setUp(c);
      try (PgFullText pg = new PgFullText(c)) {
        evaluate("postgresql fts", (q, n) -> pg.search(q, null, n), pairs, titles);
      }
    }
  }

  static void evaluate(
      String label, Ranker ranker, List<String[]> pairs, Map<String, String> titles)
      throws Exception {
    int asked = 0;
    double recall = 0;
    double mrr = 0;
    double recallEx = 0;
    double mrrEx = 0;
    for (String[] pair : pairs) {
      String q = titles.get(pair[0]);
      if (q == null || !titles.containsKey(pair[1])) {
        continue;
      }
      asked++;
      List<String> top = ranker.top(q, 11);
      int rank = top.indexOf(pair[1]) + 1;
      if (rank > 0 && rank <= 10) {
        recall++;
        mrr += 1.0 / rank;
      }
      List<String> others = new ArrayList<>(top);
      others.remove(pair[0]);
      int rankEx = others.indexOf(pair[1]) + 1;
      if (rankEx > 0 && rankEx <= 10) {
        recallEx++;
        mrrEx += 1.0 / rankEx;
      }
    }
    System.out.printf(
        "%-16s pairs=%d  recall@10=%.4f  MRR@10=%.4f  | self excluded: recall@10=%.4f"
            + "  MRR@10=%.4f%n",
        label, asked, recall / asked, mrr / asked, recallEx / asked, mrrEx / asked);
  }

  private static List<String[]> pairs(Path file, String split) throws Exception {
    List<String[]> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      String[] f = line.split(",");
      if (f.length < 4 || f[0].equals("pair_set")) {
        continue;
      }
      if (split.equals("all") || f[3].trim().equals(split)) {
        out.add(new String[] {f[1].trim(), f[2].trim()});
      }
    }
    return out;
  }

  private static Map<String, String> titles(Path products) throws Exception {
    Map<String, String> titles = new HashMap<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(products)), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        JsonNode n = Json.mapper().readTree(line);
        titles.put(n.get("id").asText(), n.get("name").asText());
      }
    }
    return titles;
  }
}
