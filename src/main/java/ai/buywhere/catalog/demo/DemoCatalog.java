package ai.buywhere.catalog.demo;

import ai.buywhere.catalog.CatalogRepository;
import ai.buywhere.catalog.CatalogWriter;
import ai.buywhere.catalog.FxRates;
import ai.buywhere.catalog.WriteResult;
import ai.buywhere.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Loads the demo catalog through the normal write path.
 *
 * <p>Products seen for the first time are written once per week for the last {@value #WEEKS} weeks,
 * each time through a {@link CatalogWriter} whose clock is back-dated to that week, so the price
 * history holds real weekly points (a point only when the price moved, as for any source). Products
 * already in the catalog get only today's snapshot: loading twice leaves the catalog as it was
 * (every row {@code unchanged}), and a demo row someone edited is put back to its demo state.
 *
 * <p>Deterministic: the same products, prices and histories on every machine (fixed seed; only the
 * timestamps follow {@code now}). All rows carry {@code source = "demo"}.
 */
public final class DemoCatalog {
  /** The {@code source} of every demo product. */
  public static final String SOURCE = "demo";

  /** Weeks of back-dated price history written for a new product. */
  public static final int WEEKS = 12;

  static final long SEED = 20_250_101L;

  private DemoCatalog() {}

  /** What a load did; {@code today} is the result of the final, current-day write. */
  public record LoadResult(int products, int added, WriteResult today) {}

  /** Loads with plain writers over {@code db} (no listeners: indexes catch up from change_seq). */
  public static LoadResult load(Database db, FxRates fx, Clock now) {
    return load(new CatalogRepository(db), clock -> new CatalogWriter(db, fx, clock), now);
  }

  /**
   * Loads with writers from {@code writers} (called once per back-dated week with that week's
   * clock, and once with {@code now}); use this to attach listeners to the writers.
   */
  public static LoadResult load(
      CatalogRepository catalog, Function<Clock, CatalogWriter> writers, Clock now) {
    List<DemoOffer> offers = offers();
    List<DemoOffer> fresh =
        offers.stream().filter(o -> catalog.findBySkuAndSource(o.sku(), SOURCE).isEmpty()).toList();
    if (!fresh.isEmpty()) {
      for (int week = WEEKS; week >= 1; week--) {
        int w = week;
        Clock then = Clock.offset(now, Duration.ofDays(-7L * w));
        writers.apply(then).write(fresh.stream().map(o -> o.input(w)).toList());
      }
    }
    WriteResult today = writers.apply(now).write(offers.stream().map(o -> o.input(0)).toList());
    return new LoadResult(offers.size(), fresh.size(), today);
  }

  /** Every demo offer, in a stable order. */
  static List<DemoOffer> offers() {
    return DemoOffer.generate(DemoModel.load(), SEED, WEEKS);
  }

  /** How many products the demo catalog holds. */
  public static int size() {
    return offers().size();
  }
}
