package ai.buywhere.importer;

import java.time.Duration;

/**
 * What an import did. {@code read} counts records in the file; the written ones split into
 * inserted, updated and unchanged (duplicates of a (sku, source) inside one chunk count once, the
 * last one winning). {@code lastSeq} is the change sequence after the last write (0 if none).
 */
public record ImportReport(
    long read,
    long inserted,
    long updated,
    long unchanged,
    long rejected,
    long lastSeq,
    Duration elapsed) {

  public long written() {
    return inserted + updated + unchanged;
  }
}
