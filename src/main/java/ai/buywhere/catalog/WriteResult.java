package ai.buywhere.catalog;

import java.util.List;

/**
 * What one catalog write did. {@code ids} are the public ids of the written rows in input order
 * (duplicates within one write collapse to the last occurrence). {@code lastSeq} is the change
 * sequence value after the write, so a caller can wait for the index to reach it.
 */
public record WriteResult(
    int inserted, int updated, int unchanged, List<String> ids, long lastSeq) {

  public static final WriteResult EMPTY = new WriteResult(0, 0, 0, List.of(), 0);

  public int total() {
    return inserted + updated + unchanged;
  }

  public WriteResult plus(WriteResult o) {
    List<String> all = new java.util.ArrayList<>(ids);
    all.addAll(o.ids);
    return new WriteResult(
        inserted + o.inserted,
        updated + o.updated,
        unchanged + o.unchanged,
        all,
        Math.max(lastSeq, o.lastSeq));
  }
}
