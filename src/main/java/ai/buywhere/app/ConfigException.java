package ai.buywhere.app;

import ai.buywhere.shared.BuyWhereException;

/** A setting is missing or invalid; the message names the setting and what it must be. */
public final class ConfigException extends BuyWhereException {
  public ConfigException(String message) {
    super(message);
  }
}
