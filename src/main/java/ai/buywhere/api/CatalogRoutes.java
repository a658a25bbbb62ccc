package ai.buywhere.api;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * REST v1 of the public contract. Each route parses its parameters ({@link Params} → parameter
 * record, 400 naming the parameter), calls {@link CatalogQueryService} and writes the result. Fixed
 * paths are registered before {@code /v1/products/{id}} so that they win.
 */
public final class CatalogRoutes implements RouteModule {
  private final CatalogQueryService service;

  public CatalogRoutes(CatalogQueryService service) {
    this.service = service;
  }

  @Override
  public void configure(JavalinConfig config) {
    config.routes.get("/v1/products/search", this::search);
    config.routes.get("/v1/products/deals", this::deals);
    config.routes.get("/v1/products/compare", this::compare);
    config.routes.get("/v1/products/best-price", this::bestPrice);
    config.routes.get("/v1/products/{id}", this::product);
    config.routes.get("/v1/products/{id}/prices", this::prices);
    config.routes.get("/v1/products/{id}/price-history", this::priceHistory);
    config.routes.get("/v1/products/{id}/similar", this::similar);
    config.routes.get("/v1/categories", this::categories);
    config.routes.get("/v1/categories/{slug}", this::category);
  }

  void search(Context ctx) {
    ctx.json(service.search(SearchParams.from(Params.query(ctx))));
  }

  void deals(Context ctx) {
    ctx.json(service.deals(DealsParams.from(Params.query(ctx))));
  }

  void compare(Context ctx) {
    ctx.json(service.compare(CompareParams.from(Params.query(ctx))));
  }

  void bestPrice(Context ctx) {
    ctx.json(service.bestPrice(BestPriceParams.from(Params.query(ctx))));
  }

  void product(Context ctx) {
    ctx.json(service.product(ProductParams.product(Params.query(ctx))));
  }

  void prices(Context ctx) {
    ctx.json(service.prices(ProductParams.prices(Params.query(ctx))));
  }

  void priceHistory(Context ctx) {
    ctx.json(service.priceHistory(ProductParams.priceHistory(Params.query(ctx))));
  }

  void similar(Context ctx) {
    ctx.json(service.similar(ProductParams.similar(Params.query(ctx))));
  }

  void categories(Context ctx) {
    ctx.json(service.categories(CategoryParams.list(Params.query(ctx))));
  }

  void category(Context ctx) {
    ctx.json(service.category(CategoryParams.detail(Params.query(ctx))));
  }
}
