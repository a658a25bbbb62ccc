package ai.buywhere.catalog;

/**
 * Told after a catalog transaction commits, so an in-process indexer can pull the change at once
 * instead of waiting for its next poll. Called on the writer's thread: must return quickly.
 */
@FunctionalInterface
public interface CatalogListener {
  void committed(long lastSeq);
}
