package ai.buywhere.ingest.run;

import java.util.Locale;

/** Run states; {@code queued} precedes {@code running}; the last four are final. */
public enum RunStatus {
  QUEUED,
  RUNNING,
  COMPLETED,
  COMPLETED_WITH_ERRORS,
  FAILED,
  CANCELLED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RunStatus parse(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }

  public boolean isFinal() {
    return this != QUEUED && this != RUNNING;
  }
}
