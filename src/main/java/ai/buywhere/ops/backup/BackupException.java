package ai.buywhere.ops.backup;

import ai.buywhere.shared.BuyWhereException;

/** A backup, verification or restore could not be carried out; the message says what to fix. */
public final class BackupException extends BuyWhereException {
  public BackupException(String message) {
    super(message);
  }

  public BackupException(String message, Throwable cause) {
    super(message, cause);
  }
}
