package ai.buywhere.bench;

import ai.buywhere.app.Application;
import ai.buywhere.app.Settings;
import ai.buywhere.catalog.CatalogWriter;
import ai.buywhere.catalog.ProductValidator;
import ai.buywhere.importer.ImportDefaults;
import ai.buywhere.importer.ImportFormat;
import ai.buywhere.importer.ImportListener;
import ai.buywhere.importer.ImportReport;
import ai.buywhere.importer.ProductImporter;
import ai.buywhere.search.SearchIndex;
import ai.buywhere.search.SearchIndexer;
import ai.buywhere.search.SearchService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Import rate through the code path of {@code buywhere import --country US FILE}: the same {@link
 * ProductImporter} (default chunk of {@value CatalogWriter#DEFAULT_CHUNK}) into a fresh catalog,
 * then the same index catch-up the command does, each timed. Usage: {@code ImportBench FILE
 * DATA_DIR [DATABASE_URL]} (no URL = embedded SQLite in DATA_DIR). The data dir must be empty (and
 * the PostgreSQL database freshly created) for a first-import figure.
 */
public final class ImportBench {
  private ImportBench() {}

  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    Map<String, String> overrides = new HashMap<>();
    overrides.put("DATA_DIR", args[1]);
    if (args.length > 2) {
      overrides.put("DATABASE_URL", args[2]);
    }
    try (Application app = Application.open(Settings.of(System.getenv(), overrides))) {
      String store = app.database().dialect().toString();
      CatalogWriter writer = new CatalogWriter(app.database(), app.fx(), app.clock());
      ProductImporter importer =
          new ProductImporter(
              writer, new ProductValidator(app.fx()), app.clock(), CatalogWriter.DEFAULT_CHUNK);
      long t0 = System.nanoTime();
      ImportReport r =
          importer.run(
              file,
              ImportFormat.fromFileName(file).orElseThrow(),
              new ImportDefaults(null, "US", null),
              ImportListener.NONE);
      long t1 = System.nanoTime();
      long docs;
      try (SearchIndex index =
              SearchIndex.openWriter(SearchService.indexDir(app.server().dataDir()));
          SearchIndexer indexer = new SearchIndexer(index, app.catalog(), Duration.ofSeconds(1))) {
        docs = indexer.catchUpOrRebuild();
      }
      long t2 = System.nanoTime();
      double write = (t1 - t0) / 1e9;
      double indexing = (t2 - t1) / 1e9;
      System.out.printf(
          "import %s into %s: read %d, inserted %d, rejected %d%n",
          file.getFileName(), store, r.read(), r.inserted(), r.rejected());
      System.out.printf(
          "  catalog write %.1f s (%.0f products/s); index %d docs %.1f s (%.0f docs/s);"
              + " total %.1f s = %.0f products/s including indexing%n",
          write,
          r.written() / write,
          docs,
          indexing,
          docs / indexing,
          write + indexing,
          r.written() / (write + indexing));
    }
  }
}
