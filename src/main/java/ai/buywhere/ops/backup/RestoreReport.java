package ai.buywhere.ops.backup;

import java.util.Map;
import java.util.Optional;

/**
 * What a restore changed. Full restore: {@code tableRows} restored and the catalog epoch switch
 * that makes every search index rebuild. Market restore: rows written back with fresh change
 * sequence numbers, how many of them were missing live, how many live rows absent from the backup
 * were marked inactive, and the price-history rows removed and written.
 */
public record RestoreReport(
    String backupId,
    String safetyBackupId,
    Optional<String> market,
    Map<String, Long> tableRows,
    String epochBefore,
    String epochAfter,
    int restoredProducts,
    int reinsertedProducts,
    int deactivatedProducts,
    int priceHistoryRemoved,
    int priceHistoryRestored) {

  /** Human-readable lines for the CLI. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append("restored from ").append(backupId);
    sb.append(" (safety backup taken first: ").append(safetyBackupId).append(")\n");
    if (market.isEmpty()) {
      tableRows.forEach(
          (t, n) -> sb.append("  ").append(t).append(": ").append(n).append(" rows\n"));
      sb.append("  catalog epoch ")
          .append(epochBefore)
          .append(" -> ")
          .append(epochAfter)
          .append(": search indexes rebuild from scratch\n");
    } else {
      sb.append("  market ").append(market.get()).append('\n');
      sb.append("  products restored: ").append(restoredProducts);
      sb.append(" (of which missing before: ").append(reinsertedProducts).append(")\n");
      sb.append("  products marked inactive (absent from backup): ")
          .append(deactivatedProducts)
          .append('\n');
      sb.append("  price history rows: ")
          .append(priceHistoryRemoved)
          .append(" removed, ")
          .append(priceHistoryRestored)
          .append(" restored\n");
      sb.append("  change sequence advanced: running search indexes pick the rows up\n");
    }
    return sb.toString();
  }
}
