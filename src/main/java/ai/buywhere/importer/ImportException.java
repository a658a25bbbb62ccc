package ai.buywhere.importer;

import ai.buywhere.shared.BuyWhereException;

/** The import file cannot be read as a whole: missing, unreadable, or not in a known format. */
public final class ImportException extends BuyWhereException {
  public ImportException(String message) {
    super(message);
  }

  public ImportException(String message, Throwable cause) {
    super(message, cause);
  }
}
