package ai.buywhere.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The response shapes of REST v1 (and MCP tool results), as records serialised in snake_case. */
public final class Responses {
  private Responses() {}

  /**
   * List metadata. {@code market} is the country searched ({@code ALL} when every market), {@code
   * country_code} the same when one market applied, {@code currency} the active display currency
   * (absent when products keep their own).
   */
  public record Meta(
      Long total,
      Integer limit,
      Integer offset,
      long responseTimeMs,
      boolean cached,
      String market,
      String countryCode,
      String currency,
      Map<String, Map<String, Long>> facets) {}

  /** {@code {data: [...], meta: {...}}}. */
  public record Page(List<?> data, Meta meta) {}

  public record CompareMeta(int count, List<String> notFound, String currency) {}

  public record Compare(List<?> data, CompareMeta meta) {}

  public record PricePointView(LocalDate date, BigDecimal price, String currency) {}

  public record PriceStats(BigDecimal min, BigDecimal max, BigDecimal avg, BigDecimal current) {}

  /** The contract's {@code PriceHistory}. */
  public record PriceHistory(
      String id, String currency, int days, List<PricePointView> points, PriceStats stats) {}

  /** One day of {@code price-history}: prices in force during the day, and the closing price. */
  public record DailyPrice(
      LocalDate date, BigDecimal min, BigDecimal max, BigDecimal avg, BigDecimal close) {}

  public record DailyPriceHistory(
      String id, String currency, int days, List<DailyPrice> daily, PriceStats stats) {}

  /** The contract's {@code Category}; {@code parent_slug} is always present (null at the top). */
  public record CategoryView(
      String slug,
      String name,
      long productCount,
      @JsonInclude(JsonInclude.Include.ALWAYS) String parentSlug) {}

  public record CategoryDetail(
      CategoryView category, List<CategoryView> subcategories, List<?> products, Meta meta) {}

  /** {@code best-price}: the cheapest offer of the best-matching product and the other offers. */
  public record BestPrice(String query, Object bestOffer, List<?> otherOffers, int offerCount) {}

  public record BestPriceResponse(BestPrice data, Meta meta) {}
}
