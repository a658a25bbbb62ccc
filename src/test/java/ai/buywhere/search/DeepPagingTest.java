package ai.buywhere.search;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.catalog.Product;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exact totals and offsets up to 10,000 on an index of 10,150 documents (Lucene only). */
class DeepPagingTest {
  static final int N = 10_150;

  @TempDir Path dir;

  static Product product(int i) {
    Instant t = Instant.ofEpochMilli(1_700_000_000_000L + i);
    return new Product(
        "id-" + i,
        "sku-" + i,
        "test",
        "m",
        "shop.example",
        (i % 2 == 0 ? "Even gadget " : "Odd gadget ") + i,
        null,
        "Brand" + (i % 3),
        null,
        null,
        BigDecimal.valueOf(i),
        null,
        null,
        "USD",
        BigDecimal.valueOf(i),
        "US",
        "us",
        null,
        null,
        List.of("Things"),
        Map.of(),
        Map.of(),
        "in_stock",
        null,
        null,
        true,
        i + 1,
        t,
        t,
        t,
        t);
  }

  @Test
  void totalsAreExactAndDeepOffsetsWork() throws Exception {
    try (SearchIndex index = SearchIndex.openWriter(dir)) {
      IndexWriter w = index.writer();
      for (int i = 0; i < N; i++) {
        w.addDocument(ProductDocuments.toDocument(product(i)));
      }
      index.refreshed(N);
      LuceneProductSearch search = new LuceneProductSearch(index);

      SearchResult all = search.search(SearchRequest.builder().q("gadget").limit(1).build());
      assertThat(all.total()).isEqualTo(N);
      assertThat(all.hits().get(0).score()).isPositive();
      SearchResult even = search.search(SearchRequest.builder().q("even gadget").build());
      assertThat(even.total()).isEqualTo(N / 2);
      // a sort on prices may skip documents while collecting; the total stays exact
      SearchResult cheapestOdd =
          search.search(
              SearchRequest.builder().q("odd gadget").sort(SortOrder.PRICE_ASC).limit(3).build());
      assertThat(cheapestOdd.total()).isEqualTo(N / 2);
      assertThat(cheapestOdd.hits())
          .extracting(h -> h.product().sku())
          .containsExactly("sku-1", "sku-3", "sku-5");
      assertThat(cheapestOdd.hits().get(0).score()).isPositive();

      SearchResult deep =
          search.search(
              SearchRequest.builder().sort(SortOrder.PRICE_ASC).offset(10_000).limit(100).build());
      assertThat(deep.total()).isEqualTo(N);
      assertThat(deep.hits()).hasSize(100);
      assertThat(deep.hits().get(0).product().sku()).isEqualTo("sku-10000");
      assertThat(deep.hits().get(99).product().sku()).isEqualTo("sku-10099");

      SearchResult beyond =
          search.search(SearchRequest.builder().q("even").offset(10_000).limit(20).build());
      assertThat(beyond.total()).isEqualTo(N / 2);
      assertThat(beyond.hits()).isEmpty();

      SearchResult newest =
          search.search(SearchRequest.builder().sort(SortOrder.NEWEST).offset(9_990).build());
      assertThat(newest.hits().get(0).product().sku()).isEqualTo("sku-" + (N - 1 - 9_990));
    }
  }
}
