package ai.buywhere.ingest.run;

import ai.buywhere.ingest.quality.QualityScore;
import ai.buywhere.store.Database;

/**
 * Reads a source's active catalog rows to compute image share and stale share ({@code last_seen}
 * older than the stale window) for its {@link QualityScore}. Read-only. Thread-safe.
 */
public final class SourceHealth {
  private final Database db;

  public SourceHealth(Database db) {
    this.db = db;
  }

  /** Active rows, rows with an image, and rows not seen since {@code staleCutoff}. */
  public record CatalogShare(long active, long withImage, long stale) {}

  public CatalogShare catalogShare(String sourceId, long staleCutoff) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT COUNT(*) AS active,"
                            + " COALESCE(SUM(CASE WHEN image_url IS NOT NULL THEN 1 ELSE 0 END), 0)"
                            + " AS img, COALESCE(SUM(CASE WHEN last_seen < :cutoff THEN 1 ELSE 0"
                            + " END), 0) AS stale FROM products WHERE source = :s AND is_active ="
                            + " TRUE")
                    .bind("s", sourceId)
                    .bind("cutoff", staleCutoff)
                    .map(
                        (rs, ctx) ->
                            new CatalogShare(
                                rs.getLong("active"), rs.getLong("img"), rs.getLong("stale")))
                    .one());
  }

  /** The score after a run that saw {@code seen} rows of which {@code failed} were refused. */
  public QualityScore score(String sourceId, long staleCutoff, int seen, int failed) {
    CatalogShare c = catalogShare(sourceId, staleCutoff);
    double compliant = seen == 0 ? 0 : QualityScore.share(seen - failed, seen);
    return new QualityScore(
        compliant,
        QualityScore.share(c.withImage(), c.active()),
        c.active() == 0 ? 1 : QualityScore.share(c.stale(), c.active()));
  }
}
