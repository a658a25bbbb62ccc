package ai.buywhere.ingest.fleet;

import ai.buywhere.catalog.CatalogWriter;
import ai.buywhere.ingest.IngestConfig;
import ai.buywhere.ingest.fetch.HttpFetcher;
import ai.buywhere.ingest.run.BatchProcessor;
import ai.buywhere.ingest.run.IngestControls;
import ai.buywhere.ingest.run.PushIngest;
import ai.buywhere.ingest.run.RunExecutor;
import ai.buywhere.ingest.run.RunRepository;
import ai.buywhere.ingest.run.SourceHealth;
import ai.buywhere.ingest.source.ActionLog;
import ai.buywhere.ingest.source.SourceRepository;
import ai.buywhere.store.Database;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/**
 * Ingestion wired together over one database and the catalog writer: the registry, runs, controls,
 * push path, metrics and workers. The composition root builds one per process ({@code serve},
 * {@code worker}, the {@code ingest} CLI); closing it stops the workers it started.
 */
public final class IngestRuntime implements AutoCloseable {
  private final IngestConfig config;
  private final Clock clock;
  private final SourceRepository sources;
  private final RunRepository runs;
  private final ActionLog actions;
  private final IngestControls controls;
  private final WorkerRegistry workers;
  private final IngestMetrics metrics;
  private final RunExecutor executor;
  private final PushIngest push;
  private final AutoActions autoActions;
  private final List<Worker> started = new ArrayList<>();
  private ScheduledExecutorService refresher;
  private volatile Predicate<String> marketGate = cc -> true;

  public IngestRuntime(
      Database db,
      CatalogWriter writer,
      IngestConfig config,
      Clock clock,
      MeterRegistry registry,
      HttpFetcher http) {
    this.config = config;
    this.clock = clock;
    this.sources = new SourceRepository(db, clock);
    this.runs = new RunRepository(db, clock);
    this.actions = new ActionLog(db, clock);
    this.controls = new IngestControls(config, sources, runs, actions);
    this.workers = new WorkerRegistry(db, clock);
    this.metrics = new IngestMetrics(registry, sources, workers, config, clock);
    this.executor =
        new RunExecutor(config, sources, runs, writer, http, new SourceHealth(db), clock, metrics);
    this.push = new PushIngest(sources, runs, new BatchProcessor(writer), metrics);
    this.autoActions = new AutoActions(config, sources, controls, clock);
  }

  public static IngestRuntime create(
      Database db, CatalogWriter writer, IngestConfig config, Clock clock, MeterRegistry registry) {
    return new IngestRuntime(
        db, writer, config, clock, registry, HttpFetcher.create(config, clock));
  }

  /**
   * Which markets (country codes) may ingest right now; the composition root passes the market kill
   * switch ({@code MarketSwitch::isIngestionAllowed}). Sources of other markets are neither
   * scheduled nor run.
   */
  public IngestRuntime marketGate(Predicate<String> allowed) {
    this.marketGate = allowed;
    return this;
  }

  /** A worker not yet started; {@code name} prefixes its unique id. */
  public Worker newWorker(String name) {
    String id = name + "-" + UUID.randomUUID().toString().substring(0, 8);
    return new Worker(
        id,
        config,
        sources,
        runs,
        executor,
        workers,
        autoActions,
        metrics,
        actions,
        clock,
        cc -> marketGate.test(cc));
  }

  /** Starts {@code n} workers owned (and closed) by this runtime. */
  public synchronized List<Worker> startWorkers(String name, int n) {
    List<Worker> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Worker w = newWorker(name).start();
      started.add(w);
      out.add(w);
    }
    return out;
  }

  /**
   * Refreshes the metric gauges every {@code every} on a daemon thread (for a server that runs no
   * in-process worker; workers refresh them on their auto-action pass).
   */
  public synchronized void scheduleMetricsRefresh(Duration every) {
    if (refresher != null) {
      return;
    }
    refresher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "ingest-metrics");
              t.setDaemon(true);
              return t;
            });
    refresher.scheduleAtFixedRate(
        () -> {
          try {
            metrics.refresh();
          } catch (RuntimeException e) {
            LoggerFactory.getLogger(IngestRuntime.class).warn("metrics refresh failed", e);
          }
        },
        0,
        every.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  public IngestConfig config() {
    return config;
  }

  public SourceRepository sources() {
    return sources;
  }

  public RunRepository runs() {
    return runs;
  }

  public ActionLog actions() {
    return actions;
  }

  public IngestControls controls() {
    return controls;
  }

  public WorkerRegistry workers() {
    return workers;
  }

  public IngestMetrics metrics() {
    return metrics;
  }

  public PushIngest push() {
    return push;
  }

  public AutoActions autoActionsService() {
    return autoActions;
  }

  @Override
  public synchronized void close() {
    if (refresher != null) {
      refresher.shutdownNow();
    }
    started.forEach(Worker::close);
    started.clear();
  }
}
