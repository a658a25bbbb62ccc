/**
 * HTTP surface of ingestion: the admin routes ({@code /admin/sources}, {@code /admin/ingestion/*};
 * admin authentication is applied in front of {@code /admin/*} by the auth module) and the push
 * route {@code POST /v1/ingest/products}, guarded by a {@link
 * ai.buywhere.ingest.api.PushAuthorizer}.
 */
package ai.buywhere.ingest.api;
