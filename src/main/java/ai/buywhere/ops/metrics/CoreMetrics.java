package ai.buywhere.ops.metrics;

import ai.buywhere.catalog.CatalogRepository;
import ai.buywhere.store.Database;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micrometer.core.instrument.Tags;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Gauges over the core components: the connection pool (HikariCP's MXBean), the catalog size and
 * the search index's lag behind the catalog's change sequence, and disk usage of the data
 * directory. Database-backed values are cached for 15 s so scrapes do not load the database.
 */
public final class CoreMetrics {
  private CoreMetrics() {}

  public static void bindDatabase(Metrics metrics, Database db) {
    metrics.gauge(
        "db_connection_pool_checked_out",
        "Database connections currently checked out of the pool",
        () -> pool(db) == null ? Double.NaN : pool(db).getActiveConnections());
    metrics.gauge(
        "db_connection_pool_size",
        "Maximum size of the database connection pool",
        () -> db.dataSource().getMaximumPoolSize());
    metrics.gauge(
        "db_connection_pool_usage_ratio",
        "Checked-out connections divided by the pool's maximum size",
        () ->
            pool(db) == null
                ? Double.NaN
                : (double) pool(db).getActiveConnections() / db.dataSource().getMaximumPoolSize());
  }

  private static HikariPoolMXBean pool(Database db) {
    return db.dataSource().getHikariPoolMXBean();
  }

  /** {@code catalog_products} (active rows) and, when an index exists, {@code search_index_lag}. */
  public static void bindCatalog(
      Metrics metrics, Clock clock, CatalogRepository catalog, LongSupplier indexAppliedSeq) {
    Duration ttl = Duration.ofSeconds(15);
    metrics.gauge(
        "catalog_products",
        "Active products in the catalog",
        new CachedValue(clock, ttl, catalog::countActive));
    CachedValue current = new CachedValue(clock, ttl, catalog::currentSeq);
    metrics.gauge(
        "search_index_lag",
        "Catalog changes not yet applied to the search index",
        () -> Math.max(0, current.get() - indexAppliedSeq.getAsLong()));
  }

  /** {@code disk_used_ratio{path}} for the data directory. */
  public static void bindDisk(Metrics metrics, Path dir) {
    metrics.gauge(
        "disk_used_ratio",
        "Used share of the file system holding the path",
        Tags.of("path", dir.toAbsolutePath().normalize().toString()),
        () -> {
          try {
            FileStore store = Files.getFileStore(dir);
            long total = store.getTotalSpace();
            return total <= 0 ? Double.NaN : 1.0 - (double) store.getUsableSpace() / total;
          } catch (IOException e) {
            return Double.NaN;
          }
        });
  }
}
