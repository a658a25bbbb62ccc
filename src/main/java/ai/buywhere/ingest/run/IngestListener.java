package ai.buywhere.ingest.run;

import ai.buywhere.ingest.Source;

/** Observes ingestion for metrics; implementations must be cheap and thread-safe. */
public interface IngestListener {
  IngestListener NONE = new IngestListener() {};

  default void rowsProcessed(Source source, RunCounts counts) {}

  default void runFinished(Source source, RunStatus status) {}
}
