package ai.buywhere.search;

import static ai.buywhere.search.SearchFixture.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ai.buywhere.catalog.ProductInput;
import ai.buywhere.store.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Keeping the index in step with the catalog, on SQLite and PostgreSQL. */
class SearchIndexerTest {
  @TempDir Path dir;

  private static long total(SearchService s, String q) {
    return s.search().search(SearchRequest.builder().q(q).build()).total();
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void writesBecomeVisibleWithinASecondWithoutWaitingExplicitly(Dialect dialect) throws Exception {
    try (SearchFixture fx = new SearchFixture(dialect, dir)) {
      SearchService s = fx.openSearch();
      assertThat(total(s, "toaster")).isZero();
      fx.write(product("t1", "Philips Toaster HD2581").build());
      await().atMost(Duration.ofSeconds(1)).until(() -> total(s, "toaster") == 1);
      assertThat(total(s, "hd2581")).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void inactiveProductsDisappearAndUpdatesReplace(Dialect dialect) throws Exception {
    try (SearchFixture fx = new SearchFixture(dialect, dir)) {
      SearchService s = fx.openSearch();
      var w = fx.write(product("k1", "Kettle one").build(), product("k2", "Kettle two").build());
      assertThat(s.awaitSeq(w.lastSeq(), Duration.ofSeconds(5))).isTrue();
      assertThat(total(s, "kettle")).isEqualTo(2);

      fx.writer.deactivate(List.of(w.ids().get(0)));
      var u = fx.write(product("k2", "Kettle two renamed stainless").build());
      assertThat(s.awaitSeq(u.lastSeq(), Duration.ofSeconds(5))).isTrue();
      assertThat(total(s, "kettle")).isEqualTo(1);
      assertThat(total(s, "stainless")).isEqualTo(1);
      assertThat(s.search().size()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void catchesUpOnStartAfterADatabaseOnlyWrite(Dialect dialect) throws Exception {
    try (SearchFixture fx = new SearchFixture(dialect, dir)) {
      var first = fx.write(product("a", "Blender alpha").build());
      try (SearchService s =
          SearchService.open(fx.indexDir, fx.repo, fx.writer, Duration.ofMinutes(10))) {
        assertThat(total(s, "blender")).isEqualTo(1);
      }
      // written while no indexer runs: only the database knows
      var later = fx.write(product("b", "Blender beta").build());
      fx.writer.deactivate(List.of(first.ids().get(0)));
      try (SearchService s =
          SearchService.open(fx.indexDir, fx.repo, fx.writer, Duration.ofMinutes(10))) {
        // start() catches up synchronously, before any poll
        assertThat(total(s, "blender")).isEqualTo(1);
        assertThat(total(s, "beta")).isEqualTo(1);
        assertThat(s.search().appliedSeq()).isGreaterThanOrEqualTo(later.lastSeq());
        assertThat(SearchIndex.seqOf(committed(fx.indexDir))).isEqualTo(fx.repo.currentSeq());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aDifferentCatalogEpochRebuildsTheIndex(Dialect dialect) throws Exception {
    Path index = dir.resolve("shared-index");
    try (SearchFixture one = new SearchFixture(dialect, dir.resolve("one"))) {
      one.write(product("x", "Espresso machine").build());
      try (SearchService s =
          SearchService.open(index, one.repo, one.writer, Duration.ofMinutes(10))) {
        assertThat(total(s, "espresso")).isEqualTo(1);
      }
    }
    try (SearchFixture two = new SearchFixture(dialect, dir.resolve("two"))) {
      two.write(product("y", "Grinder burr").build());
      try (SearchService s =
          SearchService.open(index, two.repo, two.writer, Duration.ofMinutes(10))) {
        assertThat(total(s, "espresso")).isZero();
        assertThat(total(s, "grinder")).isEqualTo(1);
        assertThat(committed(index).get(SearchIndex.EPOCH_KEY)).isEqualTo(two.repo.epoch());
      }
    }
  }

  @Test
  void aCorruptIndexIsRebuilt() throws Exception {
    try (SearchFixture fx = new SearchFixture(Dialect.SQLITE, dir)) {
      fx.write(product("a", "Vacuum cleaner").build());
      try (SearchService s =
          SearchService.open(fx.indexDir, fx.repo, fx.writer, Duration.ofMinutes(10))) {
        assertThat(total(s, "vacuum")).isEqualTo(1);
      }
      List<Path> files;
      try (Stream<Path> list = Files.list(fx.indexDir)) {
        files = new ArrayList<>(list.filter(p -> !p.endsWith("write.lock")).toList());
      }
      for (Path f : files) {
        Files.write(f, new byte[] {1, 2, 3});
      }
      try (SearchService s =
          SearchService.open(fx.indexDir, fx.repo, fx.writer, Duration.ofMinutes(10))) {
        assertThat(total(s, "vacuum")).isEqualTo(1);
      }
    }
  }

  @Test
  void aSecondWriterIsRefusedAndReadOnlySeesCommits() throws Exception {
    try (SearchFixture fx = new SearchFixture(Dialect.SQLITE, dir)) {
      SearchService writer = fx.openSearch();
      assertThat(SearchIndex.tryOpenWriter(fx.indexDir)).isEmpty();
      assertThatThrownBy(() -> SearchIndex.openWriter(fx.indexDir))
          .isInstanceOf(IndexLockedException.class)
          .hasMessageContaining("stop the server");

      SearchService reader = fx.openReadOnly();
      assertThat(reader.readOnly()).isTrue();
      assertThat(reader.indexer()).isEmpty();
      ProductInput mixer = product("m", "Stand mixer KSM150").build();
      var w = fx.write(mixer);
      assertThat(writer.awaitSeq(w.lastSeq(), Duration.ofSeconds(5))).isTrue();
      await().atMost(Duration.ofSeconds(5)).until(() -> total(reader, "ksm150") == 1);
      assertThat(reader.awaitSeq(w.lastSeq(), Duration.ofSeconds(5))).isTrue();
      assertThat(reader.search().appliedSeq()).isGreaterThanOrEqualTo(w.lastSeq());
    }
  }

  @Test
  void readOnlyBeforeAnyIndexExistsIsEmptyThenPicksItUp() throws Exception {
    try (SearchFixture fx = new SearchFixture(Dialect.SQLITE, dir)) {
      SearchService reader = fx.openReadOnly();
      assertThat(total(reader, "anything")).isZero();
      assertThat(reader.search().size()).isZero();
      fx.write(product("r", "Rice cooker").build());
      fx.openSearch();
      await().atMost(Duration.ofSeconds(5)).until(() -> total(reader, "rice") == 1);
    }
  }

  @Test
  void aFilterThatEveryDocumentPassesIsExactBeforeAndAfterAnUpdateMovesOneAway() throws Exception {
    try (SearchFixture fx = new SearchFixture(Dialect.SQLITE, dir)) {
      SearchService s = fx.openSearch();
      var w =
          fx.write(
              product("f1", "Fan one").build(),
              product("f2", "Fan two").build(),
              product("f3", "Fan three").build());
      assertThat(s.awaitSeq(w.lastSeq(), Duration.ofSeconds(5))).isTrue();
      assertThat(inCountry(s, "fan", "US")).isEqualTo(3); // every document is US: no filter needed
      assertThat(inCountry(s, "fan", "SG")).isZero();
      assertThat(firstHitCountry(s, "two")).isEqualTo("US"); // decoded and cached

      // the update deletes the US document and adds an SG one: US is no longer everywhere
      var u = fx.write(product("f2", "Fan two").countryCode("SG").currency("SGD").build());
      assertThat(s.awaitSeq(u.lastSeq(), Duration.ofSeconds(5))).isTrue();
      assertThat(inCountry(s, "fan", "US")).isEqualTo(2);
      assertThat(inCountry(s, "fan", "SG")).isEqualTo(1);
      assertThat(total(s, "fan")).isEqualTo(3);
      assertThat(firstHitCountry(s, "two"))
          .isEqualTo("SG"); // the new document, never the cached one
    }
  }

  private static String firstHitCountry(SearchService s, String q) {
    return s.search()
        .search(SearchRequest.builder().q(q).build())
        .hits()
        .get(0)
        .product()
        .countryCode();
  }

  private static long inCountry(SearchService s, String q, String country) {
    return s.search().search(SearchRequest.builder().q(q).countryCode(country).build()).total();
  }

  @Test
  void rebuildsAnIndexLeftByAVersionWithAnotherDocumentFormat() throws Exception {
    try (SearchFixture fx = new SearchFixture(Dialect.SQLITE, dir)) {
      fx.write(product("a", "Blender alpha").build());
      try (SearchService s =
          SearchService.open(fx.indexDir, fx.repo, fx.writer, Duration.ofMinutes(10))) {
        assertThat(total(s, "blender")).isEqualTo(1);
      }
      // what the first version left: no format key, the product in a stored field
      try (SearchIndex index = SearchIndex.openWriter(fx.indexDir)) {
        Map<String, String> old = new HashMap<>(index.committedUserData());
        assertThat(old.remove(SearchIndex.FORMAT_KEY)).isEqualTo(SearchIndex.FORMAT);
        IndexWriter w = index.writer();
        w.deleteAll();
        Document d = new Document();
        d.add(new StringField(ProductFields.ID, "old", Field.Store.NO));
        d.add(new TextField(ProductFields.TITLE, "blender", Field.Store.NO));
        d.add(new StoredField(ProductFields.SOURCE, new BytesRef("{\"id\":\"old\"}")));
        w.addDocument(d);
        w.setLiveCommitData(old.entrySet());
        w.commit();
      }
      try (SearchService s =
          SearchService.open(fx.indexDir, fx.repo, fx.writer, Duration.ofMinutes(10))) {
        SearchResult r = s.search().search(SearchRequest.builder().q("blender").build());
        assertThat(r.total()).isEqualTo(1);
        assertThat(r.hits().get(0).product().title()).isEqualTo("Blender alpha");
        assertThat(committed(fx.indexDir))
            .containsEntry(SearchIndex.FORMAT_KEY, SearchIndex.FORMAT);
      }
    }
  }

  private static java.util.Map<String, String> committed(Path indexDir) throws Exception {
    try (var d = org.apache.lucene.store.FSDirectory.open(indexDir)) {
      return org.apache.lucene.index.SegmentInfos.readLatestCommit(d).getUserData();
    }
  }
}
