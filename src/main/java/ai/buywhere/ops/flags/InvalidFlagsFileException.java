package ai.buywhere.ops.flags;

import ai.buywhere.shared.BuyWhereException;

/** The flags file cannot be used; the last good values stay in force. */
final class InvalidFlagsFileException extends BuyWhereException {
  InvalidFlagsFileException(String message) {
    super(message);
  }
}
