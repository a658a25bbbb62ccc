package ai.buywhere.catalog;

/**
 * Told after a catalog transaction commits, so an in-process indexer can apply the change at once
 * instead of waiting for its next poll. Called on the writer's thread: must return quickly.
 */
public interface CatalogListener {
  void committed(CommittedChanges changes);

  /**
   * True when this listener uses {@link CommittedChanges#rows}; the writer builds them only when
   * some listener does.
   */
  default boolean wantsRows() {
    return false;
  }
}
