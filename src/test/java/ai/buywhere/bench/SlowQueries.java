package ai.buywhere.bench;

import ai.buywhere.search.LuceneProductSearch;
import ai.buywhere.search.SearchIndex;
import ai.buywhere.search.SearchRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Where the tail comes from: runs every distinct query of the mix (after a warm-up pass), keeps the
 * best of three timings, and prints the slowest ones with their exact total hit count. Usage:
 * {@code SlowQueries DATA_DIR QUERIES.tsv [N]}.
 */
public final class SlowQueries {
  private SlowQueries() {}

  record Timed(String q, long total, long micros) {}

  public static void main(String[] args) throws Exception {
    List<String> distinct =
        new ArrayList<>(
            new LinkedHashSet<>(QueryMix.sample(Path.of(args[1]), 50_000, QueryMix.SEED)));
    int n = args.length > 2 ? Integer.parseInt(args[2]) : 15;
    try (SearchIndex index =
        SearchIndex.openReadOnly(Path.of(args[0]).resolve("index"), Duration.ofHours(1))) {
      LuceneProductSearch search = new LuceneProductSearch(index);
      List<Timed> out = new ArrayList<>();
      for (int pass = 0; pass < 4; pass++) {
        for (int i = 0; i < distinct.size(); i++) {
          String q = distinct.get(i);
          long t0 = System.nanoTime();
          long total =
              search
                  .search(SearchRequest.builder().q(q).countryCode("US").limit(20).build())
                  .total();
          long us = (System.nanoTime() - t0) / 1000;
          if (pass == 1) {
            out.add(new Timed(q, total, us));
          } else if (pass > 1 && us < out.get(i).micros()) {
            out.set(i, new Timed(q, total, us));
          }
        }
      }
      out.sort((a, b) -> Long.compare(b.micros(), a.micros()));
      System.out.printf("%d distinct queries; slowest (best of 3):%n", out.size());
      out.stream()
          .limit(n)
          .forEach(
              t ->
                  System.out.printf(
                      "  %8.2f ms  total=%-8d %s%n", t.micros() / 1000.0, t.total(), t.q()));
    }
  }
}
