package ai.buywhere.importer;

/**
 * Observes an import as it runs, on the importer's thread. The CLI uses it for the progress bar and
 * the rejection list; tests use it to see chunks commit.
 */
public interface ImportListener {
  /** Called after each committed chunk and at the end; {@code bytesRead} counts file bytes. */
  default void progress(long bytesRead, long recordsRead, long written, long rejected) {}

  default void rejected(Rejection rejection) {}

  ImportListener NONE = new ImportListener() {};
}
