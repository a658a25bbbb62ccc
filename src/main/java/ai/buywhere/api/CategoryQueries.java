package ai.buywhere.api;

import ai.buywhere.api.CatalogQueryService.Market;
import ai.buywhere.api.Responses.CategoryDetail;
import ai.buywhere.api.Responses.CategoryView;
import ai.buywhere.api.Responses.Meta;
import ai.buywhere.api.Responses.Page;
import ai.buywhere.catalog.CatalogRepository;
import ai.buywhere.catalog.Category;
import ai.buywhere.search.ProductSearch;
import ai.buywhere.search.SearchRequest;
import ai.buywhere.search.SearchResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Category views. The tree comes from the catalog; counts come from search facets so that they
 * respect the market and the kill switch. Categories with no product in the market are left out.
 */
final class CategoryQueries {
  private final CatalogRepository catalog;
  private final ProductSearch search;
  private final ProductViews views;

  CategoryQueries(CatalogRepository catalog, ProductSearch search, ProductViews views) {
    this.catalog = catalog;
    this.search = search;
    this.views = views;
  }

  Page list(Market m, Set<String> hidden, long start) {
    Map<String, Long> counts = categoryCounts(m, hidden);
    List<CategoryView> data =
        catalog.categories().stream()
            .filter(c -> c.parentSlug() == null)
            .map(c -> view(c, count(counts, c.slug(), m, hidden)))
            .filter(c -> c.productCount() > 0)
            .sorted(
                Comparator.comparingLong(CategoryView::productCount)
                    .reversed()
                    .thenComparing(CategoryView::slug))
            .toList();
    Meta meta =
        new Meta(
            (long) data.size(),
            null,
            null,
            CatalogQueryService.millis(start),
            false,
            m.label(),
            m.country(),
            m.currency(),
            null);
    return new Page(data, meta);
  }

  CategoryDetail detail(Category cat, CategoryParams p, Market m, Set<String> hidden, long start) {
    SearchResult r =
        search.search(
            SearchRequest.builder()
                .countryCode(m.country())
                .category(cat.slug())
                .limit(p.limit())
                .offset(p.offset())
                .includeFacets(true)
                .hiddenCountries(hidden)
                .build());
    Map<String, Long> counts = r.facets().getOrDefault("category", Map.of());
    List<CategoryView> subs =
        catalog.categories().stream()
            .filter(c -> cat.slug().equals(c.parentSlug()))
            .map(c -> view(c, count(counts, c.slug(), m, hidden)))
            .filter(c -> c.productCount() > 0)
            .sorted(Comparator.comparingLong(CategoryView::productCount).reversed())
            .toList();
    List<Object> products = new ArrayList<>();
    r.hits().forEach(h -> products.add(views.view(h.product(), m.currency(), p.compact())));
    Meta meta =
        new Meta(
            r.total(),
            p.limit(),
            p.offset(),
            CatalogQueryService.millis(start),
            false,
            m.label(),
            m.country(),
            m.currency(),
            null);
    return new CategoryDetail(view(cat, r.total()), subs, products, meta);
  }

  private Map<String, Long> categoryCounts(Market m, Set<String> hidden) {
    SearchResult r =
        search.search(
            SearchRequest.builder()
                .countryCode(m.country())
                .limit(1)
                .includeFacets(true)
                .hiddenCountries(hidden)
                .build());
    return r.facets().getOrDefault("category", Map.of());
  }

  /**
   * A category's product count from the facet, or, when the facet left it out (facets list only the
   * largest values, so a small category can be missing), from a count query of its own.
   */
  private long count(Map<String, Long> facet, String slug, Market m, Set<String> hidden) {
    Long fromFacet = facet.get(slug);
    if (fromFacet != null) {
      return fromFacet;
    }
    return search
        .search(
            SearchRequest.builder()
                .countryCode(m.country())
                .category(slug)
                .limit(1)
                .hiddenCountries(hidden)
                .build())
        .total();
  }

  private static CategoryView view(Category c, long count) {
    return new CategoryView(c.slug(), c.name(), count, c.parentSlug());
  }
}
