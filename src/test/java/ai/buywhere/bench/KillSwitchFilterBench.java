package ai.buywhere.bench;

import ai.buywhere.search.LuceneProductSearch;
import ai.buywhere.search.SearchIndex;
import ai.buywhere.search.SearchRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The cost of the market kill switch on search latency (issue 7): the same seeded query stream,
 * single client, top 20, with no hidden market and with hidden markets. The benchmark catalog is
 * all US, so hiding SG/VN/TH/MY removes no result: the difference is the exclusion clause itself.
 * Hiding US is also run (every product hidden) as the lower bound.
 *
 * <p>Run: {@code java -cp $CP ai.buywhere.bench.KillSwitchFilterBench DATA_DIR QUERIES.tsv SECS}
 */
public final class KillSwitchFilterBench {
  private KillSwitchFilterBench() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(args[0]);
    List<String> queries = QueryMix.sample(Path.of(args[1]), 50_000, QueryMix.SEED);
    double seconds = Double.parseDouble(args[2]);
    try (SearchIndex index =
        SearchIndex.openReadOnly(dataDir.resolve("index"), Duration.ofHours(1))) {
      LuceneProductSearch lucene = new LuceneProductSearch(index);
      System.out.printf("catalog: %d products in the index%n", lucene.size());
      for (Set<String> hidden :
          List.of(Set.<String>of(), Set.of("SG", "VN", "TH", "MY"), Set.of("US"))) {
        SearchBench.Engine engine =
            (q, country) ->
                lucene
                    .search(SearchRequest.builder().q(q).limit(20).hiddenCountries(hidden).build())
                    .hits()
                    .size();
        SearchBench.run(
            "lucene, hidden " + (hidden.isEmpty() ? "none" : hidden),
            engine,
            queries,
            null,
            seconds);
      }
    }
  }
}
