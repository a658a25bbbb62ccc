package ai.buywhere.ops.incidents;

import java.util.List;
import java.util.Locale;

/** The runbook's P1 (critical) … P4 (low). */
public enum Severity {
  P1("Critical"),
  P2("High"),
  P3("Medium"),
  P4("Low");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  static final List<String> WIRE = List.of("P1", "P2", "P3", "P4");

  /** Parses {@code P1}..{@code P4} (any case); null when it is not one. */
  static Severity parseOrNull(String s) {
    if (s == null) {
      return null;
    }
    String v = s.trim().toUpperCase(Locale.ROOT);
    return WIRE.contains(v) ? valueOf(v) : null;
  }
}
