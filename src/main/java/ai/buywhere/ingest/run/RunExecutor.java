package ai.buywhere.ingest.run;

import ai.buywhere.catalog.CatalogWriter;
import ai.buywhere.ingest.IngestConfig;
import ai.buywhere.ingest.Source;
import ai.buywhere.ingest.fetch.Fetchers;
import ai.buywhere.ingest.fetch.HttpFetcher;
import ai.buywhere.ingest.fetch.PageSink;
import ai.buywhere.ingest.normalize.RawProduct;
import ai.buywhere.ingest.quality.QualityScore;
import ai.buywhere.ingest.source.SourceRepository;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes one claimed run: fetch page by page, process each page ({@link BatchProcessor}), record
 * progress and heartbeat after every page, stop when a cancel is asked, then finish the run,
 * deactivate products the source stopped listing (only after a run that completed without a gated
 * batch, and only those unseen for the grace period) and store the source's health. Fetch failures
 * re-queue the run until its attempts are used up. Thread-safe (no per-run state in fields).
 */
public final class RunExecutor {
  private static final Logger log = LoggerFactory.getLogger(RunExecutor.class);

  private final IngestConfig config;
  private final SourceRepository sources;
  private final RunRepository runs;
  private final BatchProcessor processor;
  private final CatalogWriter writer;
  private final HttpFetcher http;
  private final SourceHealth health;
  private final Clock clock;
  private final IngestListener listener;

  public RunExecutor(
      IngestConfig config,
      SourceRepository sources,
      RunRepository runs,
      CatalogWriter writer,
      HttpFetcher http,
      SourceHealth health,
      Clock clock,
      IngestListener listener) {
    this.config = config;
    this.sources = sources;
    this.runs = runs;
    this.processor = new BatchProcessor(writer);
    this.writer = writer;
    this.http = http;
    this.health = health;
    this.clock = clock;
    this.listener = listener;
  }

  /** The final (or re-queued) status of the run. */
  public RunStatus execute(Run run, String workerId) {
    Source source = sources.find(run.sourceId()).orElse(null);
    if (source == null) {
      runs.finish(
          run.id(), workerId, RunStatus.FAILED, "source no longer registered", List.of(), 0);
      return RunStatus.FAILED;
    }
    int delayMs = source.intOption("delay_ms", 0);
    if (delayMs > 0) {
      http.raiseDelay(URI.create(source.url()).getHost(), Duration.ofMillis(delayMs));
    }
    Sink sink = new Sink(run, source, workerId);
    try {
      Fetchers.forKind(source.kind(), http).fetch(source, sink);
    } catch (RunCancelledException e) {
      if (!e.ownershipLost) {
        runs.finish(run.id(), workerId, RunStatus.CANCELLED, e.getMessage(), sink.samples, 0);
        updateHealth(source, run.id(), false, sink);
        return RunStatus.CANCELLED;
      }
      log.warn("run {} of {} was taken over: {}", run.id(), source.id(), e.getMessage());
      return RunStatus.QUEUED;
    } catch (RuntimeException e) {
      String error = e.getClass().getSimpleName() + ": " + e.getMessage();
      log.warn("run {} of {} attempt {} failed: {}", run.id(), source.id(), run.attempt(), error);
      RunStatus st =
          runs.retryOrFail(
              run,
              workerId,
              error,
              config.runRetryDelay().toMillis() << Math.min(run.attempt() - 1, 10));
      if (st == RunStatus.FAILED) {
        updateHealth(source, run.id(), false, sink);
      }
      listener.runFinished(source, st);
      return st;
    }
    int deactivated = 0;
    boolean allRejected = sink.counts.seen() > 0 && sink.counts.seen() == sink.rejectedRows;
    if (!sink.gated) {
      long cutoff =
          Math.min(
              run.startedAt() == null ? clock.millis() : run.startedAt(),
              clock.millis() - config.graceBeforeDeactivate().toMillis());
      deactivated = writer.deactivate(writer.activeNotSeenSince(source.id(), cutoff));
    }
    RunStatus status =
        allRejected
            ? RunStatus.FAILED
            : sink.counts.failed() > 0 || sink.skipped > 0
                ? RunStatus.COMPLETED_WITH_ERRORS
                : RunStatus.COMPLETED;
    String summary = summary(sink);
    if (!runs.finish(run.id(), workerId, status, summary, sink.samples, deactivated)) {
      return RunStatus.QUEUED;
    }
    updateHealth(source, run.id(), status != RunStatus.FAILED, sink);
    listener.runFinished(source, status);
    return status;
  }

  private static String summary(Sink sink) {
    List<String> parts = new ArrayList<>();
    if (sink.counts.failed() > 0) {
      parts.add(sink.counts.failed() + " rows refused");
    }
    if (sink.gated) {
      parts.add(sink.gateReason);
    }
    if (sink.skipped > 0) {
      parts.add(sink.skipped + " items skipped");
    }
    return parts.isEmpty() ? null : String.join("; ", parts);
  }

  private void updateHealth(Source source, String runId, boolean success, Sink sink) {
    long now = clock.millis();
    QualityScore q =
        health.score(
            source.id(),
            now - config.staleWindow().toMillis(),
            sink.counts.seen(),
            sink.counts.failed());
    double errorRate =
        sink.counts.seen() == 0
            ? (success ? 0 : 1)
            : QualityScore.share(sink.counts.failed(), sink.counts.seen());
    sources.recordRun(
        source.id(),
        runId,
        now,
        success,
        now + source.intervalMinutes() * 60_000L,
        q.score(),
        q.staleShare(),
        errorRate);
  }

  /** Receives pages for one run; not shared between threads. */
  private final class Sink implements PageSink {
    final Run run;
    final Source source;
    final String workerId;
    final List<String> samples = new ArrayList<>();
    RunCounts counts = RunCounts.ZERO;
    int rejectedRows;
    int skipped;
    boolean gated;
    String gateReason;
    final AtomicBoolean done = new AtomicBoolean();

    Sink(Run run, Source source, String workerId) {
      this.run = run;
      this.source = source;
      this.workerId = workerId;
    }

    @Override
    public void page(List<RawProduct> rows) {
      BatchProcessor.Outcome o = processor.process(source, rows);
      counts = counts.plus(o.counts());
      listener.rowsProcessed(source, o.counts());
      if (o.rejected().isPresent()) {
        gated = true;
        gateReason = o.rejected().get();
        rejectedRows += rows.size();
        sample("batch: " + gateReason);
      } else {
        for (BatchProcessor.RowResult r : o.rows()) {
          if (!r.reasons().isEmpty()) {
            sample(
                "row "
                    + (r.sku() == null ? "#" + r.index() : r.sku())
                    + ": "
                    + String.join(",", r.reasons()));
          }
        }
      }
      heartbeat(o.counts());
    }

    @Override
    public void skipped(String ref, String reason) {
      skipped++;
      sample(ref + ": " + reason);
    }

    private void sample(String s) {
      if (samples.size() < RunRepository.MAX_SAMPLES) {
        samples.add(s.length() > 300 ? s.substring(0, 300) : s);
      }
    }

    private void heartbeat(RunCounts delta) {
      var state = runs.progress(run.id(), workerId, delta, samples);
      if (state.isEmpty()) {
        throw new RunCancelledException("run is no longer owned by " + workerId, true);
      }
      if (state.get()) {
        throw new RunCancelledException("stopped by operator", false);
      }
    }
  }
}
