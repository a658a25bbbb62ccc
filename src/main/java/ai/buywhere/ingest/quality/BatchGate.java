package ai.buywhere.ingest.quality;

import ai.buywhere.catalog.ProductInput;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rejects a poisoned batch before anything is written. A batch of at least {@link #MIN_ROWS} rows
 * is poisoned when more than half its prices are missing, zero or placeholders (0.01, 1, 9999,
 * 99999, 999999, 9999999), or when more than 80 % of its rows fail validation. Smaller batches are
 * judged row by row only (a 3-row page with one bad row is not an attack).
 */
public final class BatchGate {
  public static final int MIN_ROWS = 10;
  static final double MAX_BAD_PRICE_SHARE = 0.5;
  static final double MAX_INVALID_SHARE = 0.8;
  private static final Set<BigDecimal> PLACEHOLDERS =
      Set.of(
          new BigDecimal("0.01"),
          BigDecimal.ONE,
          new BigDecimal("9999"),
          new BigDecimal("99999"),
          new BigDecimal("999999"),
          new BigDecimal("9999999"));

  private BatchGate() {}

  /** The reason the batch is rejected, or empty when it may be written. */
  public static Optional<String> check(List<ProductInput> rows, int invalidRows) {
    if (rows.size() < MIN_ROWS) {
      return Optional.empty();
    }
    long bad = rows.stream().filter(r -> placeholder(r.price())).count();
    double badShare = (double) bad / rows.size();
    if (badShare > MAX_BAD_PRICE_SHARE) {
      return Optional.of(
          String.format(
              "batch rejected: %d of %d prices are zero, missing or placeholders",
              bad, rows.size()));
    }
    if ((double) invalidRows / rows.size() > MAX_INVALID_SHARE) {
      return Optional.of(
          String.format("batch rejected: %d of %d rows invalid", invalidRows, rows.size()));
    }
    return Optional.empty();
  }

  static boolean placeholder(BigDecimal price) {
    if (price == null || price.signum() <= 0) {
      return true;
    }
    BigDecimal p = price.stripTrailingZeros();
    return PLACEHOLDERS.stream().anyMatch(x -> x.compareTo(p) == 0);
  }
}
