package ai.buywhere.ingest.run;

import ai.buywhere.ingest.IngestException;

/** Thrown through a fetcher when the run was stopped or its ownership lost; ends the run. */
final class RunCancelledException extends IngestException {
  final boolean ownershipLost;

  RunCancelledException(String message, boolean ownershipLost) {
    super(message);
    this.ownershipLost = ownershipLost;
  }
}
