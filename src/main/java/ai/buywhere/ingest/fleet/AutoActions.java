package ai.buywhere.ingest.fleet;

import ai.buywhere.ingest.IngestConfig;
import ai.buywhere.ingest.Source;
import ai.buywhere.ingest.SourceKind;
import ai.buywhere.ingest.run.IngestControls;
import ai.buywhere.ingest.source.SourceRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The runbook's automatic actions (R11), evaluated by workers: a source whose last run is older
 * than its critical age is re-triggered; one whose quality score fell below the threshold is paused
 * with that reason (an operator resumes it); one whose stale share exceeds the threshold gets a
 * refresh run. Idempotent (a source has at most one queued run; pausing twice is a no-op), so
 * several workers may evaluate concurrently. Each action is recorded by {@link IngestControls} with
 * actor {@code auto}.
 */
public final class AutoActions {
  private final IngestConfig config;
  private final SourceRepository sources;
  private final IngestControls controls;
  private final Clock clock;

  public AutoActions(
      IngestConfig config, SourceRepository sources, IngestControls controls, Clock clock) {
    this.config = config;
    this.sources = sources;
    this.controls = controls;
    this.clock = clock;
  }

  /** Returns a description of each action taken. */
  public List<String> evaluate() {
    long now = clock.millis();
    List<String> taken = new ArrayList<>();
    for (Source s : sources.list()) {
      if (s.paused() || s.kind() == SourceKind.PUSH) {
        continue;
      }
      if (s.qualityScore() != null && s.qualityScore() < config.pauseBelowQuality()) {
        String reason =
            String.format(
                "auto: quality score %.2f below %.2f",
                s.qualityScore(), config.pauseBelowQuality());
        controls.pause(List.of(s.id()), reason, "auto");
        taken.add(s.id() + " paused: " + reason);
        continue;
      }
      long last = s.lastRunAt() != null ? s.lastRunAt() : s.createdAt();
      double ageHours = (now - last) / 3_600_000.0;
      if (ageHours > config.criticalAgeHours()) {
        trigger(
            s,
            String.format(
                "auto: last run %.1f h ago (critical %d h)", ageHours, config.criticalAgeHours()),
            taken);
      } else if (s.staleShare() != null && s.staleShare() > config.refreshAboveStale()) {
        trigger(
            s,
            String.format(
                "auto: stale share %.2f above %.2f", s.staleShare(), config.refreshAboveStale()),
            taken);
      }
    }
    return taken;
  }

  private void trigger(Source s, String reason, List<String> taken) {
    for (IngestControls.Triggered t : controls.trigger(List.of(s.id()), "auto", "auto", reason)) {
      if (t.created() && t.sourceId().equals(s.id())) {
        taken.add(s.id() + " triggered: " + reason);
      }
    }
  }
}
