package ai.buywhere.ops.health;

import ai.buywhere.store.Database;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.LongSupplier;

/** The checks the core provides: database, disk and search-index lag. */
public final class StandardChecks {
  private StandardChecks() {}

  /** Critical: the database answers a validation query; reports pool usage. */
  public static HealthCheck database(Database db) {
    return HealthCheck.of(
        "db",
        true,
        () -> {
          long t0 = System.nanoTime();
          if (!db.ping()) {
            return CheckResult.down("database does not answer");
          }
          long ms = (System.nanoTime() - t0) / 1_000_000;
          HikariPoolMXBean pool = db.dataSource().getHikariPoolMXBean();
          return CheckResult.ok(
              Map.of(
                  "dialect",
                  db.dialect().name().toLowerCase(java.util.Locale.ROOT),
                  "latency_ms",
                  ms,
                  "pool_active",
                  pool == null ? 0 : pool.getActiveConnections(),
                  "pool_size",
                  db.config().poolSize()));
        });
  }

  /**
   * Disk holding {@code dir}: degraded above {@code degradedRatio} used, down (non-critical: reads
   * still work) above {@code downRatio}. The runbook's thresholds are 70 % and 85 %.
   */
  public static HealthCheck disk(Path dir, double degradedRatio, double downRatio) {
    return HealthCheck.of(
        "disk",
        false,
        () -> {
          try {
            FileStore store = Files.getFileStore(dir);
            double used = usedRatio(store);
            Map<String, Object> d =
                Map.of(
                    "used_ratio",
                    Math.round(used * 1000) / 1000.0,
                    "free_bytes",
                    store.getUsableSpace());
            if (used > downRatio) {
              return new CheckResult(CheckResult.Status.DOWN, "disk almost full", d);
            }
            return used > degradedRatio
                ? CheckResult.degraded("disk filling up", d)
                : CheckResult.ok(d);
          } catch (IOException e) {
            return CheckResult.down("cannot read disk usage of " + dir);
          }
        });
  }

  static double usedRatio(FileStore store) throws IOException {
    long total = store.getTotalSpace();
    return total <= 0 ? 0 : 1.0 - (double) store.getUsableSpace() / total;
  }

  /**
   * Critical only when the index is unreadable; lag beyond {@code maxLag} changes degrades. {@code
   * applied} is {@code ProductSearch.appliedSeq()}, {@code current} is {@code
   * CatalogRepository.currentSeq()}.
   */
  public static HealthCheck searchIndex(LongSupplier applied, LongSupplier current, long maxLag) {
    return HealthCheck.of(
        "search_index",
        true,
        () -> {
          long a = applied.getAsLong();
          long c = current.getAsLong();
          long lag = Math.max(0, c - a);
          Map<String, Object> d = Map.of("applied_seq", a, "catalog_seq", c, "lag", lag);
          return lag > maxLag
              ? CheckResult.degraded("index behind the catalog", d)
              : CheckResult.ok(d);
        });
  }
}
