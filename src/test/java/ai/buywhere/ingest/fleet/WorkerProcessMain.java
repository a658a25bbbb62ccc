package ai.buywhere.ingest.fleet;

import ai.buywhere.catalog.CatalogWriter;
import ai.buywhere.catalog.FxRates;
import ai.buywhere.ingest.IngestConfig;
import ai.buywhere.store.Database;
import ai.buywhere.store.DatabaseConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Map;

/**
 * A worker in its own JVM, for the kill test: {@code WorkerProcessMain <jdbc-url>}; runs until
 * killed.
 */
public final class WorkerProcessMain {
  private WorkerProcessMain() {}

  public static void main(String[] args) throws InterruptedException {
    Database db = Database.open(DatabaseConfig.parse("url", args[0], 4), "child");
    CatalogWriter writer = new CatalogWriter(db, FxRates.defaults(), Clock.systemUTC(), 50);
    IngestRuntime rt =
        IngestRuntime.create(
            db,
            writer,
            IngestConfig.forTests(Map.of("INGEST_HTTP_RETRIES", "0")),
            Clock.systemUTC(),
            new SimpleMeterRegistry());
    rt.startWorkers("child", 1);
    System.out.println("worker started");
    Thread.currentThread().join();
  }
}
