package ai.buywhere.search;

import static ai.buywhere.search.SearchFixture.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.buywhere.catalog.ProductInput;
import ai.buywhere.catalog.WriteResult;
import ai.buywhere.store.Dialect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search result cache on a real catalog and index: hits, invalidation, bounds, off. */
class SearchResultCacheTest {
  @TempDir Path dir;
  SearchFixture fx;

  @BeforeEach
  void openFixture() {
    fx = new SearchFixture(Dialect.SQLITE, dir.resolve("catalog"));
  }

  @AfterEach
  void closeFixture() throws Exception {
    fx.close();
  }

  static SearchRequest headphones() {
    return SearchRequest.builder().q("headphones").countryCode("US").build();
  }

  private static void visible(SearchService s, WriteResult w) {
    assertThat(s.awaitSeq(w.lastSeq(), Duration.ofSeconds(10))).isTrue();
  }

  /** Search with a result cache of 1,000 hits over a catalog of {@code products}. */
  private SearchService cachedSearchOver(ProductInput... products) {
    SearchService s = fx.openSearch(1_000);
    visible(s, fx.write(products));
    return s;
  }

  @Test
  void aRepeatedSearchIsServedFromTheCacheUntilTheCatalogChanges() throws Exception {
    SearchService s =
        cachedSearchOver(product("sony", "Sony WH-1000XM5 Headphones").price("399").build());

    SearchResult first = s.search().search(headphones());
    SearchResult second = s.search().search(headphones());
    assertThat(first.cached()).isFalse();
    assertThat(second.cached()).isTrue();
    assertThat(second.total()).isEqualTo(first.total()).isEqualTo(1);
    assertThat(second.hits()).isEqualTo(first.hits());
    assertThat(s.resultCacheStats().requestCount()).isEqualTo(2);
    assertThat(s.resultCacheStats().hitCount()).isEqualTo(1);

    // a write that changes the answer: the next search sees it, computed afresh
    visible(s, fx.write(product("bose", "Bose QuietComfort Headphones").price("329").build()));
    SearchResult after = s.search().search(headphones());
    assertThat(after.cached()).isFalse();
    assertThat(after.total()).isEqualTo(2);
    assertThat(s.search().search(headphones()).cached()).isTrue();

    // a price change reaches the cached page too (the product is re-indexed)
    visible(s, fx.write(product("bose", "Bose QuietComfort Headphones").price("299").build()));
    SearchResult repriced = s.search().search(headphones());
    assertThat(repriced.cached()).isFalse();
    assertThat(repriced.hits())
        .anySatisfy(
            h -> {
              assertThat(h.product().sku()).isEqualTo("bose");
              assertThat(h.product().price()).isEqualByComparingTo("299");
            });
  }

  @Test
  void requestsThatDifferInAnyFieldAreCachedApart() throws Exception {
    SearchService s =
        cachedSearchOver(
            product("sony", "Sony Headphones").price("399").build(),
            product("sony-sg", "Sony Headphones")
                .price("529")
                .currency("SGD")
                .countryCode("SG")
                .build());
    ProductSearch search = s.search();
    SearchRequest all = SearchRequest.builder().q("headphones").build();
    assertThat(search.search(all).total()).isEqualTo(2);
    // the market kill switch hides SG: not the cached answer of the request without it
    SearchResult hidden =
        search.search(
            SearchRequest.builder().q("headphones").hiddenCountries(Set.of("SG")).build());
    assertThat(hidden.cached()).isFalse();
    assertThat(hidden.total()).isEqualTo(1);
    SearchResult page2 = search.search(SearchRequest.builder().q("headphones").offset(1).build());
    assertThat(page2.cached()).isFalse();
    assertThat(page2.hits()).hasSize(1);
    assertThat(search.search(SearchRequest.builder().q("headphones").limit(1).build()).cached())
        .isFalse();
    assertThat(search.search(all).cached()).isTrue();
  }

  @Test
  void theCacheHoldsAtMostItsBoundInHitsAndOnlyTheCurrentReadersResults() throws Exception {
    try (SearchIndex index = SearchIndex.openWriter(dir)) {
      for (int i = 0; i < 30; i++) {
        index.writer().addDocument(ProductDocuments.toDocument(DeepPagingTest.product(i)));
      }
      index.refreshed(30);
      LuceneProductSearch search = new LuceneProductSearch(index, RelevanceTuning.DEFAULT, 0, 0);
      SearchResultCache cache = new SearchResultCache(25);
      IndexSearcher searcher = index.acquire();
      try {
        for (int i = 0; i < 30; i++) {
          SearchRequest r = SearchRequest.builder().q("gadget").offset(i).limit(3).build();
          SearchResult result = search.search(r);
          assertThat(result.cached()).isFalse();
          cache.getOrSearch(searcher.getIndexReader(), r, () -> result);
        }
        assertThat(cache.weightedSize()).isPositive().isLessThanOrEqualTo(25);
      } finally {
        index.release(searcher);
      }

      index.writer().addDocument(ProductDocuments.toDocument(DeepPagingTest.product(30)));
      index.refreshed(31);
      IndexSearcher newer = index.acquire();
      try {
        SearchRequest r = SearchRequest.builder().q("gadget").offset(0).limit(3).build();
        assertThat(cache.get(newer.getIndexReader(), r)).isNull();
        assertThat(cache.weightedSize()).isZero();
      } finally {
        index.release(newer);
      }
    }
  }

  @Test
  void anEntryWeighsOnePlusItsHitsPlusItsFacetValues() throws Exception {
    SearchService s =
        cachedSearchOver(
            product("sony", "Sony Headphones").brand("Sony").price("399").build(),
            product("bose", "Bose Headphones").brand("Bose").price("329").build());
    SearchResult plain = s.search().search(headphones());
    assertThat(SearchResultCache.weight(plain)).isEqualTo(3);
    SearchResult faceted =
        s.search()
            .search(
                SearchRequest.builder()
                    .q("headphones")
                    .countryCode("US")
                    .includeFacets(true)
                    .build());
    int facetValues = faceted.facets().values().stream().mapToInt(Map::size).sum();
    assertThat(facetValues).isGreaterThanOrEqualTo(4); // two brands, one domain, a price bucket
    assertThat(SearchResultCache.weight(faceted)).isEqualTo(3 + facetValues);
  }

  @Test
  void aCacheOfZeroHitsIsOff() throws Exception {
    SearchService s = fx.openSearch(0);
    visible(s, fx.write(product("sony", "Sony Headphones").price("399").build()));
    assertThat(s.search().search(headphones()).cached()).isFalse();
    assertThat(s.search().search(headphones()).cached()).isFalse();
    assertThat(s.resultCacheStats().requestCount()).isZero();
    assertThatThrownBy(() -> new SearchResultCache(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
