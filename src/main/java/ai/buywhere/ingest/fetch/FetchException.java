package ai.buywhere.ingest.fetch;

import ai.buywhere.ingest.IngestException;

/** A fetch failed after its retries, or was refused by policy; {@code status} is 0 if no reply. */
public class FetchException extends IngestException {
  private final int status;

  public FetchException(String message) {
    this(message, 0, null);
  }

  public FetchException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
