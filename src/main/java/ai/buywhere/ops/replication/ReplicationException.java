package ai.buywhere.ops.replication;

import ai.buywhere.shared.BuyWhereException;

/** A replication check or promotion could not be done; the message says why and what to do. */
public final class ReplicationException extends BuyWhereException {
  public ReplicationException(String message) {
    super(message);
  }
}
