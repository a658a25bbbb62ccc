/**
 * The HTTP surface: the Javalin server, the error envelope and the REST v1 routes of the public
 * contract. Features contribute routes as {@link ai.buywhere.api.RouteModule}s; errors are {@link
 * ai.buywhere.api.ApiException}s mapped in one place.
 */
package ai.buywhere.api;
