package ai.buywhere.search;

import static ai.buywhere.search.SearchFixture.products;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.buywhere.catalog.CatalogWriter;
import ai.buywhere.catalog.CommittedChanges;
import ai.buywhere.catalog.FxRates;
import ai.buywhere.catalog.RecordingListener;
import ai.buywhere.catalog.WriteResult;
import ai.buywhere.store.Dialect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The indexer applies the rows a writer in this process hands over instead of reading them back,
 * and reads from the catalog whatever was not handed over: the committed index always equals the
 * catalog. Runs on SQLite and PostgreSQL.
 */
class HandedOverIndexingTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aLoadIsIndexedFromTheHandedOverRows(Dialect dialect) throws Exception {
    withListeningIndexer(
        dialect,
        (fx, indexer) -> {
          WriteResult loaded =
              indexer.followWhile(
                  () -> {
                    WriteResult w = fx.writer.write(products(0, 2_600, "load"));
                    // the same products again in the same pass: the last version must win
                    return w.plus(fx.writer.write(products(1_000, 1_600, "changed")));
                  });
          assertThat(loaded.inserted()).isEqualTo(2_600);
          assertThat(loaded.updated()).isEqualTo(600);
          assertThat(indexer.rowsHandedOver()).isEqualTo(3_200);
          assertThat(indexer.docCount()).isEqualTo(2_600);
        });
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void writesNotHandedOverAreReadFromTheCatalog(Dialect dialect) throws Exception {
    withListeningIndexer(
        dialect,
        (fx, indexer) -> {
          // another process's writer: its commits reach this indexer only through the catalog
          CatalogWriter other = new CatalogWriter(fx.db, FxRates.defaults(), fx.clock, 100);
          fx.writer.write(products(0, 700, "mine"));
          other.write(products(700, 1_450, "theirs"));
          WriteResult mine = fx.writer.write(products(1_450, 2_000, "mine"));
          other.write(products(0, 300, "theirs"));
          fx.writer.deactivate(mine.ids().subList(0, 50));
          fx.writer.write(products(2_000, 2_100, "mine"));

          indexer.catchUp();
          assertThat(indexer.rowsHandedOver()).isEqualTo(700 + 550 + 100);
          assertThat(indexer.docCount()).isEqualTo(2_100 - 50);
        });
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void commitsBeyondTheHandOverLimitAreReadFromTheCatalog(Dialect dialect) throws Exception {
    withListeningIndexer(
        dialect,
        (fx, indexer) -> {
          int rows = SearchIndexer.MAX_HANDED_OVER_ROWS + 2 * CatalogWriter.DEFAULT_CHUNK + 17;
          fx.writer.write(products(0, rows, "bulk")); // no pass runs meanwhile: the queue fills up

          indexer.catchUp();
          assertThat(indexer.rowsHandedOver()).isEqualTo(SearchIndexer.MAX_HANDED_OVER_ROWS);
          assertThat(indexer.docCount()).isEqualTo(rows);
        });
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aRestoredCatalogsPendingRowsAreNotApplied(Dialect dialect) throws Exception {
    withListeningIndexer(
        dialect,
        (fx, indexer) -> {
          fx.writer.write(products(0, 400, "before"));
          // a full restore gives the catalog a new epoch; rows handed over before it are stale
          fx.db
              .jdbi()
              .useHandle(
                  h -> h.execute("UPDATE catalog_sequence SET epoch = 'restored' WHERE id = 1"));
          indexer.catchUp();
          assertThat(indexer.rowsHandedOver()).isZero();
        });
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void bringingARunningIndexerInStepAgainAppliesNoRowTwice(Dialect dialect) throws Exception {
    withListeningIndexer(
        dialect,
        (fx, indexer) -> {
          // A commit whose listener call comes only after a pass has read its rows from the
          // catalog: the writer tells its listeners after the transaction commits, so a pass that
          // starts in between reads the rows itself, and the hand-over that follows is stale.
          RecordingListener recorder = new RecordingListener();
          List<CommittedChanges> late = recorder.seen();
          CatalogWriter writer = new CatalogWriter(fx.db, FxRates.defaults(), fx.clock);
          writer.addListener(recorder);
          long docs =
              indexer.followWhile(
                  () -> {
                    writer.write(products(0, 30, "late"));
                    indexer.wake();
                    long top = fx.repo.currentSeq();
                    // applied by the follower, which stages its position without committing it
                    await().atMost(Duration.ofSeconds(30)).until(() -> indexer.appliedSeq() == top);
                    late.forEach(indexer::committed);
                    return indexer.catchUpOrRebuild();
                  });
          assertThat(late).hasSize(1);
          assertThat(docs).isEqualTo(30);
          assertThat(indexer.docCount()).isEqualTo(30);
        });
  }

  /** A test body given a catalog and an indexer that listens to the catalog's writer. */
  private interface IndexerTest {
    void run(SearchFixture fx, SearchIndexer indexer) throws Exception;
  }

  /**
   * Runs {@code test} against a fresh catalog whose writer hands its rows to a brought-up-to-date
   * indexer; afterwards the committed index must equal the catalog.
   */
  private void withListeningIndexer(Dialect dialect, IndexerTest test) throws Exception {
    try (SearchFixture fx = new SearchFixture(dialect, dir);
        SearchIndex index = SearchIndex.openWriter(fx.indexDir);
        SearchIndexer indexer = new SearchIndexer(index, fx.repo, Duration.ofMinutes(10))) {
      indexer.catchUpOrRebuild();
      fx.writer.addListener(indexer);
      test.run(fx, indexer);
      fx.assertCommittedIndexEqualsCatalog();
    }
  }
}
