package ai.buywhere.cli;

import ai.buywhere.app.Application;
import ai.buywhere.catalog.CatalogWriter;
import ai.buywhere.catalog.FxRates;
import ai.buywhere.catalog.ProductValidator;
import ai.buywhere.importer.ImportDefaults;
import ai.buywhere.importer.ImportFormat;
import ai.buywhere.importer.ImportReport;
import ai.buywhere.importer.ProductImporter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code buywhere import FILE}: loads a JSON Lines or CSV product file into the catalog, then
 * brings the search index up to date, or leaves that to the server that holds the index. Exit 0
 * when the file was read to the end (rejected rows included), 1 when it could not be read.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "Import products from a JSON Lines or CSV file (.gz accepted). See docs/import.md.")
final class ImportCommand implements Callable<Integer> {
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  @Mixin CommonOptions common;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "Product file (.jsonl, .csv, .gz).")
  Path file;

  @Option(names = "--format", paramLabel = "jsonl|csv", description = "Override the format.")
  String format;

  @Option(names = "--source", description = "Source for records without one.")
  String source;

  @Option(names = "--country", description = "Country code (ISO 3166) for records without one.")
  String country;

  @Option(
      names = "--currency",
      description = "Currency (ISO 4217) for records without one (default: the country's).")
  String currency;

  @Option(
      names = "--chunk-size",
      defaultValue = "" + CatalogWriter.DEFAULT_CHUNK,
      description = "Rows per transaction (default: ${DEFAULT-VALUE}).")
  int chunkSize;

  @Option(names = "--rejects", paramLabel = "FILE", description = "Write rejections as JSONL.")
  Path rejects;

  @Option(
      names = "--show-rejects",
      paramLabel = "N",
      defaultValue = "20",
      description = "Print the first N rejections (default: ${DEFAULT-VALUE}).")
  int showRejects;

  @Option(names = "--progress", description = "Show a progress bar even when not on a terminal.")
  boolean progress;

  @Override
  public Integer call() {
    ImportFormat fmt = resolveFormat();
    ImportDefaults defaults = new ImportDefaults(source, country, currency);
    checkDefaults(defaults);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Application app = Application.open(common.settings());
        ImportConsole console =
            new ImportConsole(err, rejects, showRejects, progress || System.console() != null)) {
      if (defaults.currency() != null && !app.fx().supports(defaults.currency())) {
        throw bad(
            "--currency " + currency + " has no FX rate; supported: " + app.fx().currencies());
      }
      CatalogWriter writer = new CatalogWriter(app.database(), app.fx(), app.clock(), chunkSize);
      ProductImporter importer =
          new ProductImporter(writer, new ProductValidator(app.fx()), app.clock(), chunkSize);
      console.start(file);
      long started = System.nanoTime();
      ImportAndIndex.Outcome outcome =
          ImportAndIndex.run(
              app,
              writer,
              () -> {
                ImportReport loaded = importer.run(file, fmt, defaults, console);
                console.finish();
                return loaded;
              });
      double total = Math.max(0.001, (System.nanoTime() - started) / 1e9);
      ImportReport r = outcome.report();
      double secs = Math.max(0.001, r.elapsed().toMillis() / 1000.0);
      out.printf(
          "imported %s: read %d, inserted %d, updated %d, unchanged %d, rejected %d"
              + " in %.1f s (%.0f rows/s)%n",
          file,
          r.read(),
          r.inserted(),
          r.updated(),
          r.unchanged(),
          r.rejected(),
          secs,
          r.read() / secs);
      if (r.rejected() > showRejects && rejects == null) {
        out.printf("(first %d rejections shown; use --rejects FILE for all)%n", showRejects);
      }
      out.println(
          outcome
              .index()
              .map(
                  i ->
                      String.format(
                          Locale.ROOT,
                          "search index up to date at change %d (%s): %.1f s in all,"
                              + " %.0f rows/s including indexing",
                          i.seq(),
                          i.dir(),
                          total,
                          r.read() / total))
              .orElse(
                  "search index in use by a running server: it indexes these changes from the"
                      + " change sequence"));
      return 0;
    }
  }

  private ImportFormat resolveFormat() {
    if (format != null) {
      try {
        return ImportFormat.parse(format);
      } catch (RuntimeException e) {
        throw bad(e.getMessage());
      }
    }
    return ImportFormat.fromFileName(file)
        .orElseThrow(
            () ->
                bad(
                    "cannot tell the format of "
                        + file.getFileName()
                        + " from its name; use --format jsonl or --format csv"));
  }

  private void checkDefaults(ImportDefaults d) {
    if (d.countryCode() != null && !COUNTRIES.contains(d.countryCode())) {
      throw bad("--country " + country + " is not an ISO 3166-1 alpha-2 code");
    }
    if (d.currency() != null && !FxRates.isIsoCurrency(d.currency())) {
      throw bad("--currency " + currency + " is not an ISO 4217 code");
    }
    if (chunkSize < 1 || chunkSize > 10_000) {
      throw bad("--chunk-size must be between 1 and 10000");
    }
  }

  private CommandLine.ParameterException bad(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
