package ai.buywhere.ops.health;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The checks behind {@code GET /health}. Each probe runs every check on a daemon pool and waits at
 * most {@code timeout} for each, so a hung database or Redis cannot hang the probe; a check whose
 * previous run has not returned yet is not started again (a hang would otherwise leak one thread
 * per probe) and reports down.
 *
 * <p>The names {@code db}, {@code search_index}, {@code disk} and {@code ingestion} always appear
 * in the report ({@code not_configured} until a feature registers them). Thread-safe; register at
 * start-up.
 */
public final class HealthRegistry implements AutoCloseable {
  static final List<String> ALWAYS_REPORTED = List.of("db", "search_index", "disk", "ingestion");

  private final Clock clock;
  private final Duration timeout;
  private final String version;
  private final long startedAt;
  private final List<HealthCheck> checks = new CopyOnWriteArrayList<>();
  private final Map<String, Future<CheckResult>> inFlight = new ConcurrentHashMap<>();
  private final ExecutorService pool =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "health-check");
            t.setDaemon(true);
            return t;
          });
  private volatile Supplier<Freshness> freshness = () -> Freshness.NONE;

  public HealthRegistry(Clock clock, Duration timeout, String version) {
    this.clock = clock;
    this.timeout = timeout;
    this.version = version;
    this.startedAt = clock.millis();
  }

  /** Adds a check; a later check with the same name replaces the earlier one. */
  public HealthRegistry register(HealthCheck check) {
    checks.removeIf(c -> c.name().equals(check.name()));
    checks.add(check);
    return this;
  }

  /** Where the freshness summary comes from (ingestion); must answer quickly. */
  public HealthRegistry freshness(Supplier<Freshness> source) {
    this.freshness = source;
    return this;
  }

  /** Runs every check (in parallel, each bounded by the timeout) and folds the results. */
  public HealthReport probe() {
    Map<String, Future<CheckResult>> started = new LinkedHashMap<>();
    for (HealthCheck c : checks) {
      Future<CheckResult> previous = inFlight.get(c.name());
      if (previous != null && !previous.isDone()) {
        started.put(
            c.name(),
            CompletableFuture.completedFuture(
                CheckResult.down("timed out: previous probe still running")));
        continue;
      }
      Future<CheckResult> f = pool.submit(c::check);
      inFlight.put(c.name(), f);
      started.put(c.name(), f);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, CheckResult> results = new LinkedHashMap<>();
    for (String name : ALWAYS_REPORTED) {
      results.put(name, CheckResult.notConfigured());
    }
    boolean unhealthy = false;
    boolean degraded = false;
    for (HealthCheck c : checks) {
      CheckResult r = await(started.get(c.name()), deadline);
      results.put(c.name(), r);
      if (r.status() == CheckResult.Status.DOWN) {
        if (c.critical()) {
          unhealthy = true;
        } else {
          degraded = true;
        }
      } else if (r.status() == CheckResult.Status.DEGRADED) {
        degraded = true;
      }
    }
    String status = unhealthy ? "unhealthy" : degraded ? "degraded" : "ok";
    Freshness fresh;
    try {
      fresh = freshness.get();
    } catch (RuntimeException e) {
      fresh = Freshness.NONE;
    }
    long uptime = (clock.millis() - startedAt) / 1000;
    return new HealthReport(status, version, uptime, results, fresh);
  }

  private static CheckResult await(Future<CheckResult> f, long deadlineNanos) {
    try {
      long wait = Math.max(0, deadlineNanos - System.nanoTime());
      CheckResult r = f.get(wait, TimeUnit.NANOSECONDS);
      return r == null ? CheckResult.down("check returned nothing") : r;
    } catch (TimeoutException e) {
      return CheckResult.down("timed out");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CheckResult.down("interrupted");
    } catch (Exception e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return CheckResult.down(cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
