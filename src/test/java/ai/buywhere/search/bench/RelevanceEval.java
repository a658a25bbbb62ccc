package ai.buywhere.search.bench;

import ai.buywhere.catalog.CatalogRepository;
import ai.buywhere.catalog.CatalogWriter;
import ai.buywhere.catalog.FxRates;
import ai.buywhere.catalog.ProductInput;
import ai.buywhere.search.LuceneProductSearch;
import ai.buywhere.search.ProductSearch;
import ai.buywhere.search.RelevanceTuning;
import ai.buywhere.search.SearchHit;
import ai.buywhere.search.SearchIndex;
import ai.buywhere.search.SearchIndexer;
import ai.buywhere.search.SearchRequest;
import ai.buywhere.shared.Json;
import ai.buywhere.store.Database;
import ai.buywhere.store.DatabaseConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Relevance proxy on the cross-merchant match pairs: query = the left item's name, target = the
 * right item; prints recall@10 and MRR@10, once counting every hit and once with the query's own
 * item (which trivially matches its own name) left out of the ranking.
 *
 * <p>Usage: {@code RelevanceEval PRODUCTS.jsonl.gz MATCHES.csv [tuning ...]}, where a tuning is
 * {@code title,brand,description,category,codes,tie,minMatchPct,phrase}. Loads the products through
 * {@link CatalogWriter} into a temporary SQLite catalog, builds the index once, then evaluates each
 * tuning (query-time only). Tune only on the dev file; the held-out file under {@code eval/} is for
 * reporting.
 */
public final class RelevanceEval {
  private RelevanceEval() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: RelevanceEval PRODUCTS.jsonl.gz MATCHES.csv [tuning ...]");
      System.exit(2);
    }
    Path products = Path.of(args[0]);
    List<String[]> pairs = readPairs(Path.of(args[1]));
    // -Deval.dir=DIR keeps catalog and index between runs (tuning is query-time only)
    String keep = System.getProperty("eval.dir");
    Path tmp = keep != null ? Path.of(keep) : Files.createTempDirectory("relevance-eval");
    Files.createDirectories(tmp);
    boolean fresh = !Files.exists(tmp.resolve("catalog.db"));
    try (Database db =
        Database.open(DatabaseConfig.sqlite(tmp.resolve("catalog.db"), 4), "eval").migrate()) {
      CatalogWriter writer = new CatalogWriter(db, FxRates.defaults(), Clock.systemUTC());
      CatalogRepository repo = new CatalogRepository(db);
      Map<String, String> titles = load(products, fresh ? writer : null);
      try (SearchIndex index = SearchIndex.openWriter(tmp.resolve("index"))) {
        long t0 = System.nanoTime();
        SearchIndexer indexer = new SearchIndexer(index, repo, Duration.ofSeconds(1));
        long n = fresh ? indexer.rebuild(x -> {}) : indexer.catchUpOrRebuild();
        System.out.printf(
            "indexed %d products in %d ms; %d pairs%n",
            n, (System.nanoTime() - t0) / 1_000_000, pairs.size());
        List<RelevanceTuning> tunings = new ArrayList<>();
        if (args.length == 2) {
          tunings.add(RelevanceTuning.DEFAULT);
        }
        for (int i = 2; i < args.length; i++) {
          tunings.add(parse(args[i]));
        }
        for (RelevanceTuning t : tunings) {
          evaluate(new LuceneProductSearch(index, t), pairs, titles, t);
        }
      }
    }
  }

  private static void evaluate(
      ProductSearch search, List<String[]> pairs, Map<String, String> titles, RelevanceTuning t) {
    int asked = 0;
    double recall = 0;
    double mrr = 0;
    double recallEx = 0;
    double mrrEx = 0;
    long t0 = System.nanoTime();
    for (String[] pair : pairs) {
      String query = titles.get(pair[0]);
      if (query == null || !titles.containsKey(pair[1])) {
        continue;
      }
      asked++;
      List<SearchHit> hits =
          search.search(SearchRequest.builder().q(query).limit(11).build()).hits();
      int rank = 0;
      int rankEx = 0;
      int seen = 0;
      for (SearchHit h : hits) {
        String sku = h.product().sku();
        boolean self = sku.equals(pair[0]);
        seen++;
        if (sku.equals(pair[1])) {
          rank = seen <= 10 ? seen : 0;
          rankEx =
              hits.subList(0, seen).stream().anyMatch(x -> x.product().sku().equals(pair[0]))
                  ? seen - 1
                  : seen;
          rankEx = rankEx <= 10 ? rankEx : 0;
          break;
        }
        if (self) {
          continue;
        }
      }
      if (rank > 0) {
        recall++;
        mrr += 1.0 / rank;
      }
      if (rankEx > 0) {
        recallEx++;
        mrrEx += 1.0 / rankEx;
      }
    }
    System.out.printf(
        "%s%n  pairs=%d  recall@10=%.4f  MRR@10=%.4f  | self excluded: recall@10=%.4f"
            + "  MRR@10=%.4f  (%.0f ms)%n",
        t,
        asked,
        recall / asked,
        mrr / asked,
        recallEx / asked,
        mrrEx / asked,
        (System.nanoTime() - t0) / 1e6);
  }

  private static RelevanceTuning parse(String spec) {
    String[] p = spec.split(",");
    return new RelevanceTuning(
        Float.parseFloat(p[0]),
        Float.parseFloat(p[1]),
        Float.parseFloat(p[2]),
        Float.parseFloat(p[3]),
        Float.parseFloat(p[4]),
        Float.parseFloat(p[5]),
        Integer.parseInt(p[6]),
        Float.parseFloat(p[7]));
  }

  private static List<String[]> readPairs(Path file) throws Exception {
    List<String[]> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      String[] f = line.split(",");
      if (f.length < 3 || f[0].equals("pair_set")) {
        continue;
      }
      out.add(new String[] {f[1].trim(), f[2].trim()});
    }
    return out;
  }

  /** Loads the catalog as {@code buywhere import} does: record id → sku, merchant → domain. */
  private static Map<String, String> load(Path file, CatalogWriter writer) throws Exception {
    Map<String, String> titles = new HashMap<>();
    List<ProductInput> chunk = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        JsonNode n = Json.mapper().readTree(line);
        String id = n.get("id").asText();
        String name = text(n, "name");
        titles.put(id, name);
        List<String> category = new ArrayList<>();
        if (n.has("category")) {
          n.get("category").forEach(c -> category.add(c.asText()));
        }
        chunk.add(
            ProductInput.builder(id, text(n, "source"))
                .domain(text(n, "merchant"))
                .merchantId(text(n, "merchant"))
                .title(name)
                .description(text(n, "description"))
                .brand(text(n, "brand"))
                .imageUrl(text(n, "image_url"))
                .price(n.has("price") ? new BigDecimal(n.get("price").asText()) : null)
                .currency("USD")
                .countryCode("US")
                .model(text(n, "model"))
                .categoryPath(category)
                .build());
        if (writer == null) {
          chunk.clear();
        } else if (chunk.size() == 2000) {
          writer.write(chunk);
          chunk.clear();
        }
      }
    }
    if (writer != null) {
      writer.write(chunk);
    }
    return titles;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
