package ai.buywhere.catalog;

import java.util.List;

/**
 * One committed catalog transaction, as told to {@link CatalogListener}s: it held the catalog write
 * lock over the sequence numbers {@code (afterSeq, lastSeq]} of the catalog with {@code epoch}, so
 * no other write has a number in that range. {@code rows}, when not null, are every row it moved
 * into that range, in sequence order, exactly as a read of them returns them; null means "read them
 * from the catalog" (the writer did not keep them, e.g. a deactivation).
 */
public record CommittedChanges(String epoch, long afterSeq, long lastSeq, List<WrittenRow> rows) {

  /** A written row; {@code inserted}: the row (and its id) did not exist before this write. */
  public record WrittenRow(Product product, boolean inserted) {}
}
