package ai.buywhere.ingest.fleet;

import ai.buywhere.ingest.IngestConfig;
import ai.buywhere.ingest.Source;
import ai.buywhere.ingest.run.Run;
import ai.buywhere.ingest.run.RunExecutor;
import ai.buywhere.ingest.run.RunRepository;
import ai.buywhere.ingest.run.RunStatus;
import ai.buywhere.ingest.source.ActionLog;
import ai.buywhere.ingest.source.SourceRepository;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ingestion worker: a loop thread and a heartbeat thread. Each loop pass queues due sources,
 * re-queues runs whose worker stopped heartbeating, takes the automatic actions when they are due,
 * then claims and executes one run; when there is nothing to do it waits for the poll interval. The
 * heartbeat thread refreshes the worker row and its current run independently of page boundaries,
 * so a slow page does not look like a dead worker. {@link #close} stops after the run in hand
 * (which a stop control can cancel at its next page).
 */
public final class Worker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Worker.class);

  private final String id;
  private final IngestConfig config;
  private final SourceRepository sources;
  private final RunRepository runs;
  private final RunExecutor executor;
  private final WorkerRegistry registry;
  private final AutoActions autoActions;
  private final IngestMetrics metrics;
  private final ActionLog actions;
  private final Clock clock;
  private final AtomicReference<String> currentRun = new AtomicReference<>();
  private final Object wake = new Object();
  private volatile boolean running;
  private Thread loop;
  private ScheduledExecutorService heartbeat;
  private long lastAutoActions;
  private final Predicate<String> marketAllowed;

  Worker(
      String id,
      IngestConfig config,
      SourceRepository sources,
      RunRepository runs,
      RunExecutor executor,
      WorkerRegistry registry,
      AutoActions autoActions,
      IngestMetrics metrics,
      ActionLog actions,
      Clock clock,
      Predicate<String> marketAllowed) {
    this.id = id;
    this.config = config;
    this.sources = sources;
    this.runs = runs;
    this.executor = executor;
    this.registry = registry;
    this.autoActions = autoActions;
    this.metrics = metrics;
    this.actions = actions;
    this.clock = clock;
    this.marketAllowed = marketAllowed;
  }

  public String id() {
    return id;
  }

  /** Registers and starts the loop and heartbeat threads. */
  public synchronized Worker start() {
    registry.register(id, hostName(), config.workerRegion());
    running = true;
    heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "ingest-heartbeat-" + id);
              t.setDaemon(true);
              return t;
            });
    long every = config.heartbeatInterval().toMillis();
    heartbeat.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
    loop = new Thread(this::loop, "ingest-worker-" + id);
    loop.setDaemon(true);
    loop.start();
    return this;
  }

  private void beat() {
    try {
      String run = currentRun.get();
      registry.heartbeat(id, run == null ? "idle" : "busy", run);
      if (run != null) {
        runs.touch(run, id);
      }
    } catch (RuntimeException e) {
      log.warn("worker {} heartbeat failed: {}", id, e.toString());
    }
  }

  private void loop() {
    while (running) {
      boolean worked = false;
      try {
        worked = runOnce();
      } catch (RuntimeException e) {
        log.error("worker {} loop error", id, e);
      }
      if (!worked && running) {
        synchronized (wake) {
          try {
            wake.wait(config.workerPoll().toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }
  }

  /** One pass of the loop; true when a run was executed. Public for tests and the benchmark. */
  public boolean runOnce() {
    long now = clock.millis();
    for (Source s : sources.due(now)) {
      if (marketAllowed.test(s.countryCode())) {
        runs.enqueue(s.id(), "schedule", config.runAttempts());
      }
    }
    for (RunRepository.Reaped r : runs.reapStalled(now - config.deadAfter().toMillis())) {
      log.warn("run {} of {} stalled; now {}", r.runId(), r.sourceId(), r.status().wire());
      actions.record(
          r.sourceId(),
          "auto-requeue",
          "auto",
          "run " + r.runId() + " stalled: " + r.status().wire());
    }
    if (now - lastAutoActions >= config.autoActionsEvery().toMillis()) {
      lastAutoActions = now;
      autoActions.evaluate().forEach(a -> log.info("auto-action: {}", a));
      metrics.refresh();
    }
    Optional<Run> claimed = runs.claim(id);
    if (claimed.isEmpty()) {
      return false;
    }
    Run run = claimed.get();
    Optional<Source> source = sources.find(run.sourceId());
    if (source.isPresent() && !marketAllowed.test(source.get().countryCode())) {
      String cc = source.get().countryCode().toLowerCase(java.util.Locale.ROOT);
      String why =
          "market ingestion is switched off ("
              + cc
              + "_market_enabled / "
              + cc
              + "_data_ingestion_enabled); the run was not started";
      runs.finish(run.id(), id, RunStatus.CANCELLED, why, List.of(), 0);
      actions.record(run.sourceId(), "kill-switch-skip", "auto", why);
      return true;
    }
    currentRun.set(run.id());
    registry.heartbeat(id, "busy", run.id());
    try {
      RunStatus st = executor.execute(run, id);
      boolean ok = st != RunStatus.FAILED && st != RunStatus.QUEUED;
      registry.outcome(id, ok, ok ? null : "run " + run.id() + " " + st.wire());
      log.info("worker {} finished run {} of {}: {}", id, run.id(), run.sourceId(), st.wire());
    } catch (RuntimeException e) {
      registry.outcome(id, false, e.toString());
      throw e;
    } finally {
      currentRun.set(null);
      registry.heartbeat(id, "idle", null);
    }
    return true;
  }

  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      running = false;
      t = loop;
    }
    synchronized (wake) {
      wake.notifyAll();
    }
    if (t != null) {
      try {
        t.join(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (heartbeat != null) {
      heartbeat.shutdownNow();
    }
    registry.stopped(id);
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
