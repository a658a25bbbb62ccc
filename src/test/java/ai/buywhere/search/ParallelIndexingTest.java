package ai.buywhere.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ai.buywhere.catalog.CatalogRepository;
import ai.buywhere.catalog.WriteResult;
import ai.buywhere.store.Dialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Indexing with several threads, following a bulk load, and failing half-way: afterwards the
 * committed index holds exactly the catalog's active products, with the catalog's content, and
 * records the catalog's sequence. Runs on SQLite and PostgreSQL with more rows than one batch.
 */
class ParallelIndexingTest {
  private static final int ROWS = 2_600;

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void severalThreadsRebuildAndCatchUpToExactlyTheCatalog(Dialect dialect) throws Exception {
    try (SearchFixture fx = new SearchFixture(dialect, dir)) {
      WriteResult first = fx.writer.write(SearchFixture.products(0, ROWS, "first"));
      try (SearchIndex index = SearchIndex.openWriter(fx.indexDir);
          SearchIndexer indexer = new SearchIndexer(index, fx.repo, Duration.ofMinutes(10), 3)) {
        assertThat(indexer.rebuild(n -> {})).isEqualTo(ROWS);
        fx.assertCommittedIndexEqualsCatalog();

        // updates, new rows and deactivations spread over more than one batch
        fx.writer.write(SearchFixture.products(ROWS / 2, ROWS + 1_200, "second"));
        fx.writer.deactivate(first.ids().subList(100, 250));
        assertThat(indexer.catchUp()).isEqualTo(ROWS / 2 + 1_200 + 150);
        fx.assertCommittedIndexEqualsCatalog();
        assertThat(indexer.docCount()).isEqualTo(ROWS + 1_200 - 150);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void followsABulkLoadAndCommitsOnceAtTheEnd(Dialect dialect) throws Exception {
    try (SearchFixture fx = new SearchFixture(dialect, dir)) {
      fx.writer.write(SearchFixture.products(0, 300, "before"));
      try (SearchIndex index = SearchIndex.openWriter(fx.indexDir);
          SearchIndexer indexer = new SearchIndexer(index, fx.repo, Duration.ofMinutes(10), 2)) {
        indexer.catchUpOrRebuild();
        long before = committedSeq(fx.indexDir);
        fx.writer.addListener(indexer);

        WriteResult loaded =
            indexer.followWhile(
                () -> {
                  WriteResult w = fx.writer.write(SearchFixture.products(100, 1_800, "load"));
                  // applied by the follower while the load runs, but not committed yet
                  await()
                      .atMost(Duration.ofSeconds(30))
                      .until(() -> indexer.appliedSeq() >= w.lastSeq());
                  assertThat(committedSeq(fx.indexDir)).isEqualTo(before);
                  return w.plus(fx.writer.write(SearchFixture.products(1_800, ROWS, "load")));
                });

        assertThat(loaded.total()).isEqualTo(ROWS - 100);
        assertThat(committedSeq(fx.indexDir)).isEqualTo(fx.repo.currentSeq());
        fx.assertCommittedIndexEqualsCatalog();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void anIndexClosedInTheMiddleOfALoadCatchesUpOnTheNextStart(Dialect dialect) throws Exception {
    try (SearchFixture fx = new SearchFixture(dialect, dir)) {
      SearchIndex index = SearchIndex.openWriter(fx.indexDir);
      try (SearchIndexer indexer = new SearchIndexer(index, fx.repo, Duration.ofMinutes(10), 2)) {
        indexer.catchUpOrRebuild();
        fx.writer.addListener(indexer);
        assertThatThrownBy(
                () ->
                    indexer.followWhile(
                        () -> {
                          WriteResult w = fx.writer.write(SearchFixture.products(0, 1_500, "load"));
                          await()
                              .atMost(Duration.ofSeconds(30))
                              .until(() -> indexer.appliedSeq() >= w.lastSeq());
                          // what a killed process leaves: the applied documents never commit
                          try {
                            index.writer().rollback();
                          } catch (IOException e) {
                            throw new UncheckedIOException(e);
                          }
                          fx.writer.write(SearchFixture.products(1_500, ROWS, "load"));
                          throw new IllegalStateException("load failed");
                        }))
            .hasMessage("load failed");
      } finally {
        index.close();
      }
      assertThat(committedSeq(fx.indexDir)).isZero();

      try (SearchIndex index2 = SearchIndex.openWriter(fx.indexDir);
          SearchIndexer indexer = new SearchIndexer(index2, fx.repo, Duration.ofMinutes(10), 2)) {
        assertThat(indexer.catchUpOrRebuild()).isEqualTo(ROWS);
      }
      fx.assertCommittedIndexEqualsCatalog();
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aRebuildThatFailsHalfWayIsRedoneOnTheNextStart(Dialect dialect) throws Exception {
    try (SearchFixture fx = new SearchFixture(dialect, dir)) {
      fx.writer.write(SearchFixture.products(0, ROWS, "all"));
      try (SearchIndex index = SearchIndex.openWriter(fx.indexDir);
          SearchIndexer indexer = new SearchIndexer(index, fx.repo, Duration.ofMinutes(10), 2)) {
        indexer.catchUpOrRebuild();
      }
      fx.assertCommittedIndexEqualsCatalog();

      // the database goes away after the first batch of a rebuild (`buywhere reindex`)
      AtomicInteger reads = new AtomicInteger();
      Jdbi jdbi = fx.db.jdbi();
      CatalogRepository failing =
          new CatalogRepository(
              () -> {
                if (reads.incrementAndGet() > 3) {
                  throw new IllegalStateException("database unreachable");
                }
                return jdbi;
              });
      try (SearchIndex index = SearchIndex.openWriter(fx.indexDir);
          SearchIndexer indexer = new SearchIndexer(index, failing, Duration.ofMinutes(10), 2)) {
        assertThatThrownBy(() -> indexer.rebuild(n -> {}))
            .hasMessageContaining("database unreachable");
      } // closing commits what the failed rebuild left, but not as a position in the catalog

      try (SearchIndex index = SearchIndex.openWriter(fx.indexDir);
          SearchIndexer indexer = new SearchIndexer(index, fx.repo, Duration.ofMinutes(10), 2)) {
        assertThat(indexer.catchUpOrRebuild()).isEqualTo(ROWS);
      }
      fx.assertCommittedIndexEqualsCatalog();
    }
  }

  private static long committedSeq(Path indexDir) {
    try (var d = FSDirectory.open(indexDir)) {
      return SearchIndex.seqOf(SegmentInfos.readLatestCommit(d).getUserData());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
