package ai.buywhere.cli;

import ai.buywhere.app.Application;
import ai.buywhere.search.IndexLockedException;
import ai.buywhere.search.SearchIndex;
import ai.buywhere.search.SearchIndexer;
import ai.buywhere.search.SearchService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code buywhere reindex}: rebuilds the search index from the database. Needs the index's write
 * lock, so it refuses (exit 1) while a server runs on the same data dir.
 */
@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    description = "Rebuild the search index from the database (the server must be stopped).")
final class ReindexCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    try (Application app = Application.open(common.settings())) {
      Path dir = SearchService.indexDir(app.server().dataDir());
      SearchIndex index;
      try {
        index = SearchIndex.openWriter(dir);
      } catch (IndexLockedException e) {
        spec.commandLine()
            .getErr()
            .println(
                "error: the search index at "
                    + dir
                    + " is in use by a running server; stop the server first (a running server"
                    + " keeps its index in step by itself) or use the admin API");
        return 1;
      }
      try (index) {
        long expected = app.catalog().countActive();
        long start = System.nanoTime();
        long indexed;
        try (ProgressBar bar =
                new ProgressBarBuilder()
                    .setTaskName("reindex")
                    .setInitialMax(expected)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUnit(" products", 1)
                    .build();
            SearchIndexer indexer =
                new SearchIndexer(index, app.catalog(), Duration.ofSeconds(1))) {
          indexed = indexer.rebuild(bar::stepTo);
          bar.stepTo(indexed);
        }
        long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
        spec.commandLine()
            .getOut()
            .printf(
                "reindexed %d products in %.1f s (%.0f products/s) into %s%n",
                indexed, ms / 1000.0, indexed * 1000.0 / Math.max(1, ms), dir);
        return 0;
      }
    }
  }
}
