/**
 * Who may call the API and how much: API keys (hashed at rest, tiers, roles, revoke/rotate/expire),
 * the {@link ai.buywhere.auth.Authenticator} every protected surface ({@code /v1}, {@code /mcp})
 * calls, Bucket4j rate limits (in process, or shared in Redis with a fail-open fallback to local
 * buckets), admin access to {@code /admin/*} (rotatable admin tokens or admin-role keys), the audit
 * log and security logging with the {@code UNAUTHORIZED} / {@code FORBIDDEN} markers.
 *
 * <p>{@link ai.buywhere.auth.Auth} builds the whole feature from an {@link
 * ai.buywhere.auth.AuthConfig}; everything else in the package is package-private unless another
 * feature or the CLI needs it.
 */
package ai.buywhere.auth;
