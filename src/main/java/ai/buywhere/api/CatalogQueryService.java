package ai.buywhere.api;

import ai.buywhere.api.Responses.BestPrice;
import ai.buywhere.api.Responses.BestPriceResponse;
import ai.buywhere.api.Responses.CategoryDetail;
import ai.buywhere.api.Responses.Compare;
import ai.buywhere.api.Responses.CompareMeta;
import ai.buywhere.api.Responses.DailyPriceHistory;
import ai.buywhere.api.Responses.Meta;
import ai.buywhere.api.Responses.Page;
import ai.buywhere.api.Responses.PriceHistory;
import ai.buywhere.catalog.CatalogRepository;
import ai.buywhere.catalog.Category;
import ai.buywhere.catalog.FxRates;
import ai.buywhere.catalog.Markets;
import ai.buywhere.catalog.Product;
import ai.buywhere.search.ProductSearch;
import ai.buywhere.search.SearchHit;
import ai.buywhere.search.SearchRequest;
import ai.buywhere.search.SearchResult;
import ai.buywhere.search.SortOrder;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The read side of the catalog as the public API shows it: takes validated parameter records,
 * applies market, currency and the market kill switch, and returns the response records. REST
 * routes and MCP tools both call this, so both return exactly the same shapes. Thread-safe.
 *
 * <p>Market: a request's {@code country_code}, else the configured default market ({@code
 * DEFAULT_COUNTRY}, none when {@code ALL}). Active currency: the request's {@code currency}, else
 * the market's currency, else none (each product keeps its own and price bounds are USD).
 */
public final class CatalogQueryService {
  private static final int SAME_PRODUCT_CANDIDATES = 20;

  private final CatalogRepository catalog;
  private final ProductSearch search;
  private final FxRates fx;
  private final ProductViews views;
  private final PriceQueries prices;
  private final CategoryQueries categories;
  private final Optional<String> defaultCountry;
  private final Supplier<Set<String>> hiddenCountries;

  /**
   * @param hiddenCountries markets switched off by the kill switch, read on every request
   */
  public CatalogQueryService(
      CatalogRepository catalog,
      ProductSearch search,
      FxRates fx,
      Clock clock,
      Optional<String> defaultCountry,
      Supplier<Set<String>> hiddenCountries) {
    this.catalog = catalog;
    this.search = search;
    this.fx = fx;
    this.views = new ProductViews(fx);
    this.prices = new PriceQueries(catalog, views, clock);
    this.categories = new CategoryQueries(catalog, search, views);
    this.defaultCountry = defaultCountry;
    this.hiddenCountries = hiddenCountries;
  }

  public ProductViews views() {
    return views;
  }

  /** The market and display currency a request resolves to. */
  record Market(String country, String currency) {
    String label() {
      return country == null ? "ALL" : country;
    }
  }

  Market market(String countryCode, String currency) {
    String cc = countryCode != null ? countryCode : defaultCountry.orElse(null);
    return new Market(cc, activeCurrency(currency, cc));
  }

  private String activeCurrency(String requested, String country) {
    if (requested != null) {
      if (!fx.supports(requested)) {
        throw ApiException.invalid(
            "currency", "is not supported; use one of " + String.join(", ", fx.currencies()));
      }
      return requested;
    }
    if (country == null) {
      return null;
    }
    return Markets.defaultCurrency(country).filter(fx::supports).orElse(null);
  }

  public Page search(SearchParams p) {
    long start = System.nanoTime();
    Market m = market(p.countryCode(), p.currency());
    SearchRequest req =
        SearchRequest.builder()
            .q(p.q())
            .domain(p.domain())
            .merchantId(p.merchantId())
            .region(p.region())
            .countryCode(m.country())
            .category(p.category())
            .brand(p.brand())
            .availability(p.availability())
            .minPriceUsd(toUsd(p.minPrice(), m))
            .maxPriceUsd(toUsd(p.maxPrice(), m))
            .sort(p.sort())
            .limit(p.limit())
            .offset(p.offset())
            .includeFacets(p.includeFacets())
            .hiddenCountries(hidden())
            .build();
    SearchResult r = search.search(req);
    return page(r, m, p.limit(), p.offset(), p.compact(), p.includeFacets(), start);
  }

  public Page deals(DealsParams p) {
    long start = System.nanoTime();
    Market m = market(p.countryCode(), p.currency());
    SearchRequest req =
        SearchRequest.builder()
            .countryCode(m.country())
            .category(p.category())
            .minDiscountPct(p.minDiscount())
            .sort(SortOrder.DISCOUNT)
            .limit(p.limit())
            .offset(p.offset())
            .hiddenCountries(hidden())
            .build();
    return page(search.search(req), m, p.limit(), p.offset(), p.compact(), false, start);
  }

  /** Known products in the order asked; unknown or hidden ids are listed in {@code not_found}. */
  public Compare compare(CompareParams p) {
    String currency = activeCurrency(p.currency(), null);
    List<Product> found = catalog.findByIds(p.ids()).stream().filter(this::visible).toList();
    List<String> foundIds = found.stream().map(Product::id).toList();
    List<String> missing = p.ids().stream().filter(id -> !foundIds.contains(id)).toList();
    List<Object> data = new ArrayList<>();
    found.forEach(prod -> data.add(views.full(prod, currency)));
    return new Compare(data, new CompareMeta(data.size(), missing, currency));
  }

  public ProductView product(ProductParams p) {
    return views.full(load(p.id()), activeCurrency(p.currency(), null));
  }

  public PriceHistory prices(ProductParams p) {
    return prices.points(load(p.id()), p.days(), activeCurrency(p.currency(), null));
  }

  public DailyPriceHistory priceHistory(ProductParams p) {
    return prices.daily(load(p.id()), p.days(), activeCurrency(p.currency(), null));
  }

  public Page similar(ProductParams p) {
    long start = System.nanoTime();
    Product product = load(p.id());
    String currency = activeCurrency(p.currency(), null);
    List<SearchHit> hits = search.similar(product, p.limit(), hidden());
    List<Object> data = new ArrayList<>();
    hits.forEach(h -> data.add(views.view(h.product(), currency, p.compact())));
    Meta meta =
        new Meta(
            (long) data.size(), p.limit(), 0, millis(start), false, null, null, currency, null);
    return new Page(data, meta);
  }

  /**
   * The best-matching product for {@code q} in the market, and the same product at other merchants
   * of that market (same GTIN, else same model, else the same normalised title). The cheapest offer
   * by USD price wins; out-of-stock offers rank after every available one. {@code category} narrows
   * which product is matched (that category and everything below it); the offers are that same
   * product at other merchants, however each merchant categorised it.
   */
  public BestPriceResponse bestPrice(BestPriceParams p) {
    long start = System.nanoTime();
    Market m = market(p.countryCode(), p.currency());
    SearchRequest req =
        SearchRequest.builder()
            .q(p.q())
            .countryCode(m.country())
            .category(p.category())
            .limit(1)
            .hiddenCountries(hidden())
            .build();
    List<SearchHit> top = search.search(req).hits();
    if (top.isEmpty()) {
      throw ApiException.notFound(
          "No product matches '"
              + p.q()
              + "' in market "
              + m.label()
              + (p.category() == null ? "" : " and category " + p.category()));
    }
    Product best = top.get(0).product();
    List<Product> offers = new ArrayList<>();
    offers.add(best);
    for (SearchHit h : search.similar(best, SAME_PRODUCT_CANDIDATES, hidden())) {
      Product o = h.product();
      if (SameProduct.matches(best, o)
          && (m.country() == null || m.country().equals(o.countryCode()))) {
        offers.add(o);
      }
    }
    offers.sort(
        Comparator.comparing((Product o) -> "out_of_stock".equals(o.availability()))
            .thenComparing(
                Product::normalizedPriceUsd, Comparator.nullsLast(Comparator.naturalOrder())));
    List<Object> others = new ArrayList<>();
    offers
        .subList(1, offers.size())
        .forEach(o -> others.add(views.view(o, m.currency(), p.compact())));
    BestPrice data =
        new BestPrice(
            p.q(), views.view(offers.get(0), m.currency(), p.compact()), others, offers.size());
    Meta meta =
        new Meta(
            (long) offers.size(),
            null,
            null,
            millis(start),
            false,
            m.label(),
            m.country(),
            m.currency(),
            null);
    return new BestPriceResponse(data, meta);
  }

  /** Top-level categories with products in the market, largest first. */
  public Page categories(CategoryParams p) {
    long start = System.nanoTime();
    return categories.list(market(p.countryCode(), p.currency()), hidden(), start);
  }

  public CategoryDetail category(CategoryParams p) {
    long start = System.nanoTime();
    Category cat =
        catalog.categories().stream()
            .filter(c -> c.slug().equals(p.slug()))
            .findFirst()
            .orElseThrow(() -> ApiException.notFound("No category '" + p.slug() + "'"));
    return categories.detail(cat, p, market(p.countryCode(), p.currency()), hidden(), start);
  }

  private Page page(
      SearchResult r,
      Market m,
      int limit,
      int offset,
      boolean compact,
      boolean facets,
      long startNanos) {
    List<Object> data = new ArrayList<>(r.hits().size());
    r.hits().forEach(h -> data.add(views.view(h.product(), m.currency(), compact)));
    Meta meta =
        new Meta(
            r.total(),
            limit,
            offset,
            millis(startNanos),
            r.cached(),
            m.label(),
            m.country(),
            m.currency(),
            facets ? r.facets() : null);
    return new Page(data, meta);
  }

  /** The product if it exists, is active and its market is not switched off; else 404. */
  private Product load(String id) {
    return catalog
        .findById(id)
        .filter(this::visible)
        .orElseThrow(() -> ApiException.notFound("No product with id " + id));
  }

  private boolean visible(Product p) {
    return p.active() && !hidden().contains(p.countryCode());
  }

  private Set<String> hidden() {
    Set<String> h = hiddenCountries.get();
    return h == null ? Set.of() : h;
  }

  private BigDecimal toUsd(BigDecimal amount, Market m) {
    if (amount == null) {
      return null;
    }
    return m.currency() == null ? amount : fx.toUsd(amount, m.currency()).orElse(amount);
  }

  static long millis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
