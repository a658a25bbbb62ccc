package ai.buywhere.cli;

import ai.buywhere.app.Application;
import ai.buywhere.catalog.CatalogWriter;
import ai.buywhere.importer.ImportReport;
import ai.buywhere.search.SearchIndex;
import ai.buywhere.search.SearchIndexer;
import ai.buywhere.search.SearchService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The flow of {@code buywhere import} around the file load: when no server holds the local search
 * index, the index follows the load while it runs ({@link SearchIndexer#followWhile}: brought in
 * step with the catalog, then woken by each chunk's commit, applying on its own threads), with one
 * index commit at the end; when a server holds it, only the catalog is written and the server
 * indexes the changes from the change sequence. Public so that {@code ImportBench} times exactly
 * this.
 */
public final class ImportAndIndex {
  private static final Duration POLL = Duration.ofSeconds(1);

  private ImportAndIndex() {}

  /** Where the search index stood after the load; empty when a running server holds it. */
  public record Outcome(ImportReport report, Optional<Indexed> index) {}

  /** The index position ({@code seq}) and live document count after the load. */
  public record Indexed(Path dir, long seq, long docs) {}

  /**
   * Runs {@code load}, which must write through {@code writer}, with the local index following it
   * when this process can take the index's write lock.
   */
  public static Outcome run(Application app, CatalogWriter writer, Supplier<ImportReport> load) {
    Path dir = SearchService.indexDir(app.server().dataDir());
    Optional<SearchIndex> opened = SearchIndex.tryOpenWriter(dir);
    if (opened.isEmpty()) {
      return new Outcome(load.get(), Optional.empty());
    }
    try (SearchIndex index = opened.get();
        SearchIndexer indexer = new SearchIndexer(index, app.catalog(), POLL)) {
      writer.addListener(indexer);
      ImportReport report = indexer.followWhile(load);
      return new Outcome(
          report, Optional.of(new Indexed(dir, indexer.appliedSeq(), indexer.docCount())));
    }
  }
}
