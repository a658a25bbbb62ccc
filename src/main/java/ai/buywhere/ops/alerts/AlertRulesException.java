package ai.buywhere.ops.alerts;

import ai.buywhere.shared.BuyWhereException;

/**
 * The rules file is unreadable or a rule is invalid; the message names the file, rule and field.
 */
public final class AlertRulesException extends BuyWhereException {
  public AlertRulesException(String message) {
    super(message);
  }
}
