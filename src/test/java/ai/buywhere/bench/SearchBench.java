package ai.buywhere.bench;

import ai.buywhere.search.LuceneProductSearch;
import ai.buywhere.search.RelevanceTuning;
import ai.buywhere.search.SearchIndex;
import ai.buywhere.search.SearchRequest;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * In-process, single-client search: our Lucene index vs PostgreSQL full-text ({@link PgFullText})
 * on the same catalog and the same seeded query stream, top 20, with no filter and with {@code
 * country_code=US}. Each phase warms up, then runs for a fixed time; latencies go to HdrHistogram.
 *
 * <p>Usage: {@code SearchBench DATA_DIR PG_JDBC_URL|- QUERIES.tsv SECONDS}. {@code DATA_DIR} holds
 * the index written by {@code buywhere import} (or {@link ImportBench}); {@code PG_JDBC_URL} is a
 * catalog imported the same way into PostgreSQL ({@code -} skips PostgreSQL).
 */
public final class SearchBench {
  private SearchBench() {}

  /** One engine answering one query with a filter mode; returns the number of hits. */
  interface Engine {
    int search(String q, String country) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]);
    String pgUrl = args[1];
    List<String> queries = QueryMix.sample(Path.of(args[2]), 50_000, QueryMix.SEED);
    double seconds = Double.parseDouble(args[3]);
    try (SearchIndex index =
        SearchIndex.openReadOnly(dataDir.resolve("index"), Duration.ofHours(1))) {
      // -Dbench.productCache=0 measures without the decoded-product cache
      int cache =
          Integer.getInteger("bench.productCache", LuceneProductSearch.DEFAULT_PRODUCT_CACHE);
      LuceneProductSearch lucene = new LuceneProductSearch(index, RelevanceTuning.DEFAULT, cache);
      System.out.printf("decoded-product cache: %d entries%n", cache);
      Engine ours =
          (q, country) ->
              lucene
                  .search(SearchRequest.builder().q(q).countryCode(country).limit(20).build())
                  .hits()
                  .size();
      System.out.printf("catalog: %d products in the index%n", lucene.size());
      PgFullText pg = null;
      if (!pgUrl.equals("-")) {
        var c = DriverManager.getConnection(pgUrl);
        System.out.printf("postgresql: tsvector + GIN set up in %d ms%n", PgFullText.setUp(c));
        pg = new PgFullText(c);
      }
      // JIT warm-up of the search code before the first measured phase (PostgreSQL's client side
      // is a prepared statement; its server warms up in its own warm-up phase below)
      loop(ours, queries, null, Math.max(10, seconds / 2), queries.size() / 2, null);
      for (String country : new String[] {null, "US"}) {
        String mode = country == null ? "no filter" : "country_code=" + country;
        double ourRate = run("lucene, " + mode, ours, queries, country, seconds);
        if (pg != null) {
          PgFullText p = pg;
          double pgRate =
              run(
                  "postgresql fts, " + mode,
                  (q, cc) -> p.search(q, cc, 20).size(),
                  queries,
                  country,
                  seconds);
          System.out.printf("  ratio lucene/postgresql throughput: %.1fx%n", ourRate / pgRate);
        }
      }
      if (pg != null) {
        pg.close();
      }
    }
  }

  /** Warm-up (a third of the time) then the measured phase; returns requests per second. */
  static double run(String label, Engine engine, List<String> queries, String country, double secs)
      throws Exception {
    int next = loop(engine, queries, country, secs / 3, 0, null);
    Histogram h = Latency.histogram();
    long t0 = System.nanoTime();
    loop(engine, queries, country, secs, next, h);
    double elapsed = (System.nanoTime() - t0) / 1e9;
    System.out.println(Latency.summary(label, h, elapsed));
    return h.getTotalCount() / elapsed;
  }

  private static int loop(
      Engine engine, List<String> queries, String country, double secs, int start, Histogram h)
      throws Exception {
    long end = System.nanoTime() + (long) (secs * 1e9);
    int i = start;
    long hits = 0;
    long empty = 0;
    long n = 0;
    while (System.nanoTime() < end) {
      String q = queries.get(i++ % queries.size());
      long t0 = System.nanoTime();
      int found = engine.search(q, country);
      long us = (System.nanoTime() - t0) / 1000;
      if (h != null) {
        h.recordValue(Math.min(us, h.getHighestTrackableValue()));
      }
      hits += found;
      empty += found == 0 ? 1 : 0;
      n++;
    }
    if (h != null && n > 0) {
      System.out.printf(
          "  (mean hits returned %.1f, queries with no hit %.1f%%)%n",
          hits / (double) n, 100.0 * empty / n);
    }
    return i;
  }
}
