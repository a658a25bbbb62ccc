package ai.buywhere.search;

import ai.buywhere.shared.BuyWhereException;
import java.nio.file.Path;

/**
 * The index's write lock is held by another process (normally a running server). Callers such as
 * {@code buywhere import} skip indexing then: the server catches up from the change sequence.
 */
public final class IndexLockedException extends BuyWhereException {
  private final Path dir;

  public IndexLockedException(Path dir, Throwable cause) {
    super(
        "the search index at "
            + dir
            + " is locked by another process (a running server?); stop the server or use the"
            + " admin API",
        cause);
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }
}
