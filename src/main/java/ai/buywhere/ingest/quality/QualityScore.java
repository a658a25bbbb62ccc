package ai.buywhere.ingest.quality;

/**
 * The per-source quality score: {@code 0.4·compliant + 0.3·with_image + 0.3·(1 − stale_share)},
 * each term a share in [0, 1]. {@code compliant} is the share of rows of the last finished run that
 * passed validation and the batch gate; {@code with_image} and {@code stale_share} are over the
 * source's active catalog rows ({@code stale} = not seen within the stale window). A source with no
 * rows scores 0.
 */
public record QualityScore(double compliant, double withImage, double staleShare) {

  public double score() {
    return round(0.4 * compliant + 0.3 * withImage + 0.3 * (1 - staleShare));
  }

  public static double share(long part, long whole) {
    return whole <= 0 ? 0 : round((double) part / whole);
  }

  static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
