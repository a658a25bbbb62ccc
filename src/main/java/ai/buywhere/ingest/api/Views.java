package ai.buywhere.ingest.api;

import ai.buywhere.ingest.Source;
import ai.buywhere.ingest.run.Run;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Wire shapes (snake_case) of sources and runs. */
final class Views {
  private Views() {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  record SourceView(
      String id,
      String kind,
      String url,
      @JsonProperty("country_code") String countryCode,
      String region,
      String currency,
      @JsonProperty("interval_minutes") int intervalMinutes,
      Map<String, Object> options,
      String status,
      @JsonProperty("paused_reason") String pausedReason,
      @JsonProperty("quality_score") Double qualityScore,
      @JsonProperty("stale_share") Double staleShare,
      @JsonProperty("error_rate") Double errorRate,
      @JsonProperty("last_run_at") String lastRunAt,
      @JsonProperty("last_success_at") String lastSuccessAt,
      @JsonProperty("next_run_at") String nextRunAt,
      @JsonProperty("last_run") RunView lastRun) {

    static SourceView of(Source s, Run last) {
      return new SourceView(
          s.id(),
          s.kind().wire(),
          s.url(),
          s.countryCode(),
          s.region(),
          s.currency(),
          s.intervalMinutes(),
          s.options(),
          s.status(),
          s.pausedReason(),
          s.qualityScore(),
          s.staleShare(),
          s.errorRate(),
          iso(s.lastRunAt()),
          iso(s.lastSuccessAt()),
          iso(s.nextRunAt()),
          last == null ? null : RunView.of(last));
    }
  }

  @JsonInclude(JsonInclude.Include.ALWAYS)
  record RunView(
      String id,
      String source,
      String trigger,
      String status,
      int attempt,
      @JsonProperty("max_attempts") int maxAttempts,
      @JsonProperty("worker_id") String workerId,
      @JsonProperty("queued_at") String queuedAt,
      @JsonProperty("started_at") String startedAt,
      @JsonProperty("finished_at") String finishedAt,
      @JsonProperty("heartbeat_at") String heartbeatAt,
      @JsonProperty("cancel_requested") boolean cancelRequested,
      Map<String, Integer> rows,
      @JsonProperty("error_samples") List<String> errorSamples,
      @JsonProperty("error_summary") String errorSummary) {

    static RunView of(Run r) {
      return new RunView(
          r.id(),
          r.sourceId(),
          r.trigger(),
          r.status().wire(),
          r.attempt(),
          r.maxAttempts(),
          r.workerId(),
          iso(r.queuedAt()),
          iso(r.startedAt()),
          iso(r.finishedAt()),
          iso(r.heartbeatAt()),
          r.cancelRequested(),
          Map.of(
              "seen", r.rowsSeen(),
              "inserted", r.rowsInserted(),
              "updated", r.rowsUpdated(),
              "unchanged", r.rowsUnchanged(),
              "failed", r.rowsFailed(),
              "deactivated", r.rowsDeactivated()),
          r.errorSamples(),
          r.errorSummary());
    }
  }

  static String iso(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis).toString();
  }
}
