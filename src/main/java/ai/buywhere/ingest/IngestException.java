package ai.buywhere.ingest;

import ai.buywhere.shared.BuyWhereException;

/** Ingestion failed in a way the run record should show (bad feed, refused host, bad source). */
public class IngestException extends BuyWhereException {
  public IngestException(String message) {
    super(message);
  }

  public IngestException(String message, Throwable cause) {
    super(message, cause);
  }
}
