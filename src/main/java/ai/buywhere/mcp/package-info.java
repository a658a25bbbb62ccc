/**
 * The MCP server: the catalog's read operations as MCP tools, a catalog resource and prompts, on
 * the official MCP Java SDK. One implementation ({@link ai.buywhere.mcp.McpServers}) over two
 * transports: Streamable HTTP at {@code /mcp} inside the API server ({@link
 * ai.buywhere.mcp.McpHttpModule}, authenticated by the same keys as REST) and stdio ({@code
 * buywhere mcp}, {@link ai.buywhere.mcp.McpCommand}). Tools answer through a {@link
 * ai.buywhere.mcp.CatalogBackend}: the local {@link ai.buywhere.api.CatalogQueryService} (same
 * shapes and kill switch as REST) or a remote BuyWhere REST API.
 */
package ai.buywhere.mcp;
