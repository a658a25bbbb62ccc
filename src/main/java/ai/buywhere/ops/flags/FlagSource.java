package ai.buywhere.ops.flags;

import java.util.Locale;

/** Where a flag's effective value came from, highest precedence first. */
public enum FlagSource {
  OVERRIDE,
  FILE,
  ENV,
  DEFAULT;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
