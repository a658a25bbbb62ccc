package ai.buywhere.ops.flags;

import ai.buywhere.shared.BuyWhereException;

/** A flag name that no one registered; the admin API maps it to 404. */
public final class UnknownFlagException extends BuyWhereException {
  private final String flag;

  public UnknownFlagException(String flag) {
    super("Unknown feature flag '" + flag + "'");
    this.flag = flag;
  }

  public String flag() {
    return flag;
  }
}
