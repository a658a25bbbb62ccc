package ai.buywhere.bench;

import ai.buywhere.app.Application;
import ai.buywhere.app.Settings;
import ai.buywhere.catalog.CatalogWriter;
import ai.buywhere.catalog.ProductValidator;
import ai.buywhere.cli.ImportAndIndex;
import ai.buywhere.importer.ImportDefaults;
import ai.buywhere.importer.ImportFormat;
import ai.buywhere.importer.ImportListener;
import ai.buywhere.importer.ImportReport;
import ai.buywhere.importer.ProductImporter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Import rate through the code path of {@code buywhere import --country US FILE}: the same {@link
 * ProductImporter} (default chunk of {@value CatalogWriter#DEFAULT_CHUNK}) into a fresh catalog,
 * run by the same {@link ImportAndIndex} flow as the command (the local index follows the load and
 * commits at the end). Reports the catalog write time (the load itself) and the time until the
 * index is committed too. Usage: {@code ImportBench FILE DATA_DIR [DATABASE_URL]} (no URL =
 * embedded SQLite in DATA_DIR). The data dir must be empty (and the PostgreSQL database freshly
 * created) for a first-import figure.
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
      long[] loaded = new long[2];
      long t0 = System.nanoTime();
      ImportAndIndex.Outcome outcome =
          ImportAndIndex.run(
              app,
              writer,
              () -> {
                loaded[0] = System.nanoTime();
                ImportReport r = load(app, writer, file);
                loaded[1] = System.nanoTime();
                return r;
              });
      long t1 = System.nanoTime();
      ImportReport r = outcome.report();
      long docs = outcome.index().orElseThrow().docs();
      double write = (loaded[1] - loaded[0]) / 1e9;
      double total = (t1 - t0) / 1e9;
      System.out.printf(
          "import %s into %s: read %d, inserted %d, rejected %d%n",
          file.getFileName(), store, r.read(), r.inserted(), r.rejected());
      System.out.printf(
          "  catalog write %.1f s (%.0f products/s); index %d docs, committed %.1f s after the"
              + " write; total %.1f s = %.0f products/s including indexing%n",
          write, r.written() / write, docs, (t1 - loaded[1]) / 1e9, total, r.written() / total);
    }
  }

  /**
   * The load of {@code buywhere import --country US FILE}: the command's {@link ProductImporter}
   * (default chunk of {@value CatalogWriter#DEFAULT_CHUNK}) writing through {@code writer}.
   */
  static ImportReport load(Application app, CatalogWriter writer, Path file) {
    ProductImporter importer =
        new ProductImporter(
            writer, new ProductValidator(app.fx()), app.clock(), CatalogWriter.DEFAULT_CHUNK);
    return importer.run(
        file,
        ImportFormat.fromFileName(file).orElseThrow(),
        new ImportDefaults(null, "US", null),
        ImportListener.NONE);
  }
}
