package ai.buywhere.ingest.run;

import ai.buywhere.ingest.IngestConfig;
import ai.buywhere.ingest.Source;
import ai.buywhere.ingest.SourceKind;
import ai.buywhere.ingest.source.ActionLog;
import ai.buywhere.ingest.source.SourceRepository;
import java.util.ArrayList;
import java.util.List;

/**
 * The operator controls (R6), shared by the admin API and the CLI; they act only through the
 * database, so they work from any process while workers and servers run, and survive restarts.
 * Pause lets running runs finish; stop pauses and cancels queued and running runs (a running run
 * stops at its next page boundary, after its last whole chunk); resume re-activates. Every action
 * is recorded with its actor. Thread-safe.
 */
public final class IngestControls {
  private final IngestConfig config;
  private final SourceRepository sources;
  private final RunRepository runs;
  private final ActionLog actions;

  public IngestControls(
      IngestConfig config, SourceRepository sources, RunRepository runs, ActionLog actions) {
    this.config = config;
    this.sources = sources;
    this.runs = runs;
    this.actions = actions;
  }

  /** One source's trigger outcome; {@code skipped} says why no run was queued. */
  public record Triggered(String sourceId, String runId, boolean created, String skipped) {}

  /** Queues a run for each matching active, fetchable source ({@code globs} null = all). */
  public List<Triggered> trigger(List<String> globs, String trigger, String actor, String reason) {
    List<Source> selected = globs == null ? sources.list() : sources.matching(globs);
    List<Triggered> out = new ArrayList<>();
    for (Source s : selected) {
      if (s.kind() == SourceKind.PUSH) {
        out.add(new Triggered(s.id(), null, false, "push source"));
      } else if (s.paused()) {
        out.add(new Triggered(s.id(), null, false, "paused: " + s.pausedReason()));
      } else {
        RunRepository.Enqueued e = runs.enqueue(s.id(), trigger, config.runAttempts());
        out.add(new Triggered(s.id(), e.runId(), e.created(), null));
        if (e.created()) {
          actions.record(s.id(), "trigger", actor, reason);
        }
      }
    }
    return out;
  }

  public List<String> pause(List<String> globs, String reason, String actor) {
    List<String> ids = ids(globs);
    sources.setStatus(ids, Source.PAUSED, reason == null ? "paused by " + actor : reason);
    ids.forEach(id -> actions.record(id, "pause", actor, reason));
    return ids;
  }

  public List<String> resume(List<String> globs, String actor) {
    List<String> ids = ids(globs);
    sources.setStatus(ids, Source.ACTIVE, null);
    ids.forEach(id -> actions.record(id, "resume", actor, null));
    return ids;
  }

  /** Pauses the sources and cancels their queued and running runs; returns the source ids. */
  public List<String> stop(List<String> globs, String reason, String actor) {
    List<String> ids = ids(globs);
    sources.setStatus(ids, Source.PAUSED, reason == null ? "stopped by " + actor : reason);
    runs.requestCancel(ids);
    ids.forEach(id -> actions.record(id, "stop", actor, reason));
    return ids;
  }

  private List<String> ids(List<String> globs) {
    return (globs == null ? sources.list() : sources.matching(globs))
        .stream().map(Source::id).toList();
  }
}
