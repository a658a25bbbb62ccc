package ai.buywhere.catalog;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A catalog listener for tests: keeps every commit it is told of, with the rows handed over (it
 * asks for them). Thread-safe, since writers call listeners on their own threads.
 */
public final class RecordingListener implements CatalogListener {
  private final List<CommittedChanges> seen = new CopyOnWriteArrayList<>();

  @Override
  public void committed(CommittedChanges changes) {
    seen.add(changes);
  }

  @Override
  public boolean wantsRows() {
    return true;
  }

  /** The commits told so far, oldest first; clearing it forgets them. */
  public List<CommittedChanges> seen() {
    return seen;
  }
}
