package ai.buywhere.ingest.run;

/** Row counts added to a run after each page. */
public record RunCounts(
    int seen, int inserted, int updated, int unchanged, int failed, int withImage) {
  public static final RunCounts ZERO = new RunCounts(0, 0, 0, 0, 0, 0);

  public RunCounts plus(RunCounts o) {
    return new RunCounts(
        seen + o.seen,
        inserted + o.inserted,
        updated + o.updated,
        unchanged + o.unchanged,
        failed + o.failed,
        withImage + o.withImage);
  }
}
