package ai.buywhere.search.bench;

import ai.buywhere.search.LuceneProductSearch;
import ai.buywhere.search.SearchIndex;
import ai.buywhere.search.SearchRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Quick in-process latency check on an index built by {@link RelevanceEval} with {@code
 * -Deval.dir=DIR}: runs the Best Buy query mix (single client), first to warm up, then measured.
 * Usage: {@code SearchLatencyBench DIR queries-bestbuy.tsv [passes]}. The full benchmark (with
 * PostgreSQL side by side) belongs to docs/benchmarks.md; this is the search engineer's check.
 */
public final class SearchLatencyBench {
  private SearchLatencyBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    List<String> queries = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[1]))) {
      String[] f = line.split("\t");
      if (f.length > 0 && !f[0].equals("query") && !f[0].isBlank()) {
        queries.add(f[0]);
      }
    }
    int passes = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    try (SearchIndex index =
        SearchIndex.openReadOnly(dir.resolve("index"), java.time.Duration.ofHours(1))) {
      LuceneProductSearch search = new LuceneProductSearch(index);
      for (boolean facets : new boolean[] {false, true}) {
        run(search, queries, 2, facets);
        long[] ns = run(search, queries, passes, facets);
        Arrays.sort(ns);
        System.out.printf(
            "facets=%s queries=%d p50=%.3f ms p90=%.3f ms p99=%.3f ms max=%.3f ms%n",
            facets,
            ns.length,
            ns[ns.length / 2] / 1e6,
            ns[(int) (ns.length * 0.9)] / 1e6,
            ns[(int) (ns.length * 0.99)] / 1e6,
            ns[ns.length - 1] / 1e6);
      }
    }
  }

  private static long[] run(
      LuceneProductSearch search, List<String> queries, int passes, boolean facets) {
    long[] out = new long[queries.size() * passes];
    int i = 0;
    for (int p = 0; p < passes; p++) {
      for (String q : queries) {
        long t0 = System.nanoTime();
        search.search(SearchRequest.builder().q(q).limit(20).includeFacets(facets).build());
        out[i++] = System.nanoTime() - t0;
      }
    }
    return out;
  }
}
