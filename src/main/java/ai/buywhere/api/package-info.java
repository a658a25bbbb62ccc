/**
 * The HTTP surface: the Javalin server ({@link ai.buywhere.api.ApiServer}), the error envelope
 * (mapped in one place, {@code ErrorMapper}) and the REST v1 routes of the public contract ({@link
 * ai.buywhere.api.CatalogRoutes}). Features contribute routes as {@link
 * ai.buywhere.api.RouteModule}s; errors are {@link ai.buywhere.api.ApiException}s.
 *
 * <p>Routes are thin: {@link ai.buywhere.api.Params} → a validated parameter record ({@link
 * ai.buywhere.api.SearchParams} …) → {@link ai.buywhere.api.CatalogQueryService} → response records
 * ({@link ai.buywhere.api.Responses}, {@link ai.buywhere.api.ProductView}). MCP tools call the same
 * records and service, so both surfaces return identical shapes.
 */
package ai.buywhere.api;
