package ai.buywhere.bench;

import ai.buywhere.search.LuceneProductSearch;
import ai.buywhere.search.SearchIndex;
import ai.buywhere.search.SearchRequest;
import ai.buywhere.search.SearchResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JMH view of the in-process Lucene search: one call = the next query of the seeded dev mix, top
 * 20, no filter ({@code search}) or {@code country_code=US} ({@code searchUs}). Run with {@code
 * org.openjdk.jmh.Main SearchJmh -p dataDir=DIR -p queries=queries-bestbuy.tsv} (see
 * docs/benchmarks.md); the result is returned so the JIT cannot drop the work.
 */
@State(Scope.Thread)
public class SearchJmh {
  @Param("data/bench-sqlite")
  public String dataDir;

  @Param("/work/shared/data/retail-products/queries-bestbuy.tsv")
  public String queries;

  private SearchIndex index;
  private LuceneProductSearch search;
  private List<String> mix;
  private int next;

  @Setup(Level.Trial)
  public void open() throws Exception {
    index = SearchIndex.openReadOnly(Path.of(dataDir).resolve("index"), Duration.ofHours(1));
    search = new LuceneProductSearch(index);
    mix = QueryMix.sample(Path.of(queries), 50_000, QueryMix.SEED);
  }

  @TearDown(Level.Trial)
  public void close() {
    index.close();
  }

  @Benchmark
  public SearchResult search() {
    String q = mix.get(next++ % mix.size());
    return search.search(SearchRequest.builder().q(q).limit(20).build());
  }

  @Benchmark
  public SearchResult searchUs() {
    String q = mix.get(next++ % mix.size());
    return search.search(SearchRequest.builder().q(q).countryCode("US").limit(20).build());
  }
}
