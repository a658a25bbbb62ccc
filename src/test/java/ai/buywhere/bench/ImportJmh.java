package ai.buywhere.bench;

import ai.buywhere.app.Application;
import ai.buywhere.app.Settings;
import ai.buywhere.catalog.CatalogWriter;
import ai.buywhere.cli.ImportAndIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JMH view of a first import, including indexing: each invocation loads {@code file} into a new,
 * empty embedded data dir through the code path of {@code buywhere import --country US FILE}
 * ({@link ImportAndIndex}, the same as {@link ImportBench}) and returns once the index is
 * committed. Opening the application (migrations) and deleting the data dir are outside the timed
 * part. Single shot: the score is seconds per import, so products/s = rows in the file / score.
 * Warm-up iterations let the JIT finish, which a one-off {@code buywhere import} in a fresh JVM
 * does not get (see docs/import.md); run with {@code org.openjdk.jmh.Main ImportJmh -p file=FILE}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(java.util.concurrent.TimeUnit.SECONDS)
public class ImportJmh {
  @Param("/work/shared/data/retail-products/products.jsonl.gz")
  public String file;

  private Path dataDir;
  private Application app;

  @Setup(Level.Iteration)
  public void open() throws IOException {
    dataDir = Files.createTempDirectory("import-jmh");
    Map<String, String> overrides = new HashMap<>();
    overrides.put("DATA_DIR", dataDir.toString());
    app = Application.open(Settings.of(Map.of(), overrides));
  }

  @TearDown(Level.Iteration)
  public void close() throws IOException {
    app.close();
    try (Stream<Path> paths = Files.walk(dataDir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Benchmark
  public long importFile() {
    Path path = Path.of(file);
    CatalogWriter writer = new CatalogWriter(app.database(), app.fx(), app.clock());
    ImportAndIndex.Outcome outcome =
        ImportAndIndex.run(app, writer, () -> ImportBench.load(app, writer, path));
    return outcome.index().orElseThrow().docs();
  }
}
