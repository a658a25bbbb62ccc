package ai.buywhere.ingest.run;

import java.util.List;

/** One run record (see {@code V21__ingest_runs.sql}). Times are epoch millis; null when unset. */
public record Run(
    String id,
    String sourceId,
    String trigger,
    RunStatus status,
    int attempt,
    int maxAttempts,
    String workerId,
    long queuedAt,
    Long startedAt,
    Long heartbeatAt,
    Long finishedAt,
    boolean cancelRequested,
    int rowsSeen,
    int rowsInserted,
    int rowsUpdated,
    int rowsUnchanged,
    int rowsFailed,
    int rowsWithImage,
    int rowsDeactivated,
    List<String> errorSamples,
    String errorSummary) {}
