package ai.buywhere.search;

import static ai.buywhere.search.SearchFixture.product;
import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.store.Dialect;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins what the index spends work on, since every indexed position and term costs import time: only
 * the title (queried as a sloppy phrase) keeps positions, and facets live in doc values only, while
 * phrase boosts, filters and facet counts still work on the committed index.
 */
class IndexLayoutTest {
  @TempDir Path dir;

  @Test
  void onlyTheTitleKeepsPositionsAndFacetsIndexNoTerms() throws Exception {
    try (SearchFixture fx = new SearchFixture(Dialect.SQLITE, dir)) {
      SearchService s = fx.openSearch();
      fx.write(
          product("a", "Wireless headphones for travel with long battery life")
              .brand("Sony")
              .description("Noise cancelling over-ear headphones with 30 hour battery")
              .categoryPath(List.of("Electronics", "Audio"))
              .price("349")
              .build(),
          product("b", "Headphones stand with wireless")
              .brand("Generic")
              .description("Sony WH-1000XM5 compatible wireless headphones stand")
              .categoryPath(List.of("Electronics", "Accessories"))
              .price("19")
              .build());
      s.indexer().orElseThrow().catchUpOrRebuild();

      SearchResult r =
          s.search()
              .search(SearchRequest.builder().q("wireless headphones").includeFacets(true).build());
      assertThat(r.total()).isEqualTo(2);
      // a two-word query adds a sloppy phrase on the title: it runs, so the title has positions
      assertThat(r.facets().get("brand")).containsEntry("Sony", 1L).containsEntry("Generic", 1L);
      assertThat(
              s.search()
                  .search(SearchRequest.builder().q("headphones").brand("sony").build())
                  .total())
          .isEqualTo(1);
    }

    try (FSDirectory d = FSDirectory.open(dir.resolve("index"));
        DirectoryReader reader = DirectoryReader.open(d)) {
      FieldInfos infos = FieldInfos.getMergedFieldInfos(reader);
      assertThat(infos.fieldInfo(ProductFields.TITLE).getIndexOptions())
          .isEqualTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
      for (String field :
          List.of(
              ProductFields.DESCRIPTION,
              ProductFields.BRAND_TEXT,
              ProductFields.CATEGORY_TEXT,
              ProductFields.CODES)) {
        assertThat(infos.fieldInfo(field).getIndexOptions())
            .as(field)
            .isEqualTo(IndexOptions.DOCS_AND_FREQS);
      }
      FieldInfo facets = infos.fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
      assertThat(facets.getIndexOptions()).isEqualTo(IndexOptions.NONE);
      assertThat(facets.getDocValuesType()).isNotNull();
    }
  }

  @Test
  void theIndexingBufferIsAQuarterOfTheHeapBetween64And256Megabytes() throws Exception {
    long mb = 1024L * 1024;
    assertThat(SearchIndex.ramBufferMb(128 * mb)).isEqualTo(64.0);
    assertThat(SearchIndex.ramBufferMb(512 * mb)).isEqualTo(128.0);
    assertThat(SearchIndex.ramBufferMb(1024 * mb)).isEqualTo(256.0);
    assertThat(SearchIndex.ramBufferMb(6 * 1024 * mb)).isEqualTo(256.0);
    try (SearchIndex index = SearchIndex.openWriter(dir.resolve("index"))) {
      assertThat(index.writer().getConfig().getRAMBufferSizeMB())
          .isEqualTo(SearchIndex.ramBufferMb(Runtime.getRuntime().maxMemory()));
    }
  }
}
