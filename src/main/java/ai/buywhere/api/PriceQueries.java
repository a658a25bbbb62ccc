package ai.buywhere.api;

import ai.buywhere.api.Responses.DailyPrice;
import ai.buywhere.api.Responses.DailyPriceHistory;
import ai.buywhere.api.Responses.PriceHistory;
import ai.buywhere.api.Responses.PricePointView;
import ai.buywhere.api.Responses.PriceStats;
import ai.buywhere.catalog.CatalogRepository;
import ai.buywhere.catalog.FxRates;
import ai.buywhere.catalog.PricePoint;
import ai.buywhere.catalog.Product;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Price history views. A window starts with the price in force at its start (the last change before
 * it), so a product whose price never moved still shows one point. Days are UTC dates. Amounts are
 * converted to the display currency (the product's own when none is asked).
 */
final class PriceQueries {
  private final CatalogRepository catalog;
  private final ProductViews views;
  private final Clock clock;

  PriceQueries(CatalogRepository catalog, ProductViews views, Clock clock) {
    this.catalog = catalog;
    this.views = views;
    this.clock = clock;
  }

  PriceHistory points(Product p, int days, String requestedCurrency) {
    String currency = requestedCurrency != null ? requestedCurrency : p.currency();
    Instant since = clock.instant().minus(days, ChronoUnit.DAYS);
    List<PricePointView> points = new ArrayList<>();
    for (PricePoint pt : window(p, since)) {
      Instant at = pt.recordedAt().isBefore(since) ? since : pt.recordedAt();
      points.add(
          new PricePointView(
              LocalDate.ofInstant(at, ZoneOffset.UTC), amount(pt, currency), currency));
    }
    List<BigDecimal> values = points.stream().map(PricePointView::price).toList();
    return new PriceHistory(p.id(), currency, days, points, stats(values, p, currency));
  }

  /** One entry per UTC day from the window's first day with a known price up to today. */
  DailyPriceHistory daily(Product p, int days, String requestedCurrency) {
    String currency = requestedCurrency != null ? requestedCurrency : p.currency();
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    LocalDate first = today.minusDays(days - 1L);
    Instant since = first.atStartOfDay(ZoneOffset.UTC).toInstant();
    List<PricePoint> events = window(p, since);
    List<DailyPrice> out = new ArrayList<>();
    List<BigDecimal> all = new ArrayList<>();
    BigDecimal carry = null;
    int i = 0;
    for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
      Instant end = d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      List<BigDecimal> inForce = new ArrayList<>();
      if (carry != null) {
        inForce.add(carry);
      }
      while (i < events.size() && events.get(i).recordedAt().isBefore(end)) {
        BigDecimal v = amount(events.get(i), currency);
        if (events.get(i).recordedAt().isBefore(since)) {
          inForce.clear();
        }
        inForce.add(v);
        carry = v;
        i++;
      }
      if (inForce.isEmpty()) {
        continue;
      }
      all.addAll(inForce);
      out.add(
          new DailyPrice(
              d,
              inForce.stream().min(BigDecimal::compareTo).orElseThrow(),
              inForce.stream().max(BigDecimal::compareTo).orElseThrow(),
              avg(inForce, currency),
              carry));
    }
    return new DailyPriceHistory(p.id(), currency, days, out, stats(all, p, currency));
  }

  private List<PricePoint> window(Product p, Instant since) {
    List<PricePoint> out = new ArrayList<>();
    catalog.priceBefore(p.id(), since).ifPresent(out::add);
    out.addAll(catalog.priceHistory(p.id(), since));
    return out;
  }

  private BigDecimal amount(PricePoint pt, String currency) {
    return views.convert(pt.price(), pt.currency(), currency);
  }

  private PriceStats stats(List<BigDecimal> values, Product p, String currency) {
    BigDecimal current = views.convert(p.price(), p.currency(), currency);
    if (values.isEmpty()) {
      return new PriceStats(current, current, current, current);
    }
    return new PriceStats(
        values.stream().min(BigDecimal::compareTo).orElseThrow(),
        values.stream().max(BigDecimal::compareTo).orElseThrow(),
        avg(values, currency),
        current);
  }

  private static BigDecimal avg(List<BigDecimal> values, String currency) {
    BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    return sum.divide(
        BigDecimal.valueOf(values.size()), FxRates.minorUnits(currency), RoundingMode.HALF_UP);
  }
}
