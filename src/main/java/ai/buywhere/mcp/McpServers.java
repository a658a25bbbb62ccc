package ai.buywhere.mcp;

import ai.buywhere.cli.VersionProvider;
import ai.buywhere.shared.Json;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.time.Duration;

/**
 * Builds the BuyWhere MCP server (tools, the catalog resource template, prompts) on a transport:
 * the same definition for Streamable HTTP and for stdio. Tool input is validated by the tools
 * themselves (so errors name the argument as REST does); structured output is checked by the SDK
 * against each tool's output schema.
 */
public final class McpServers {
  static final String NAME = "buywhere";
  static final String INSTRUCTIONS =
      "BuyWhere is a product catalog across merchants (Shopee, Lazada, Amazon, ...). Use"
          + " search_products to find products, get_product / compare_products for details,"
          + " find_best_price for the cheapest offer, get_deals for discounts, get_price_history"
          + " to judge a price, find_similar for alternatives, list_categories for category slugs.";
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private McpServers() {}

  /**
   * The SDK's JSON mapper over a plain Jackson mapper (the protocol has its own field names).
   * Exceptions are written without stack trace, cause or suppressed list: the transport serialises
   * its {@code McpError} as the body of HTTP 4xx answers (e.g. a request without session id).
   */
  static McpJsonMapper jsonMapper() {
    ObjectMapper mapper = Json.create();
    mapper.addMixIn(Throwable.class, ThrowableWithoutTrace.class);
    return new JacksonMcpJsonMapper(mapper);
  }

  @JsonIgnoreProperties({"stackTrace", "suppressed", "localizedMessage", "cause"})
  private abstract static class ThrowableWithoutTrace {}

  static McpSyncServer http(
      McpStreamableServerTransportProvider transport, CatalogBackend backend) {
    return configure(McpServer.sync(transport), backend);
  }

  static McpSyncServer stdio(McpServerTransportProvider transport, CatalogBackend backend) {
    return configure(McpServer.sync(transport), backend);
  }

  /** For POSTs without a session: every request stands alone (no initialize needed). */
  static McpStatelessSyncServer stateless(
      McpStatelessServerTransport transport, CatalogBackend backend) {
    return McpServer.sync(transport)
        .serverInfo(NAME, VersionProvider.version())
        .instructions(INSTRUCTIONS)
        .capabilities(capabilities())
        .jsonMapper(jsonMapper())
        .jsonSchemaValidator(new OutputSchemaValidator())
        .validateToolInputs(false)
        .requestTimeout(REQUEST_TIMEOUT)
        .tools(CatalogTools.statelessSpecifications(backend))
        .resourceTemplates(CatalogResources.statelessTemplate(backend))
        .prompts(CatalogPrompts.statelessSpecifications())
        .build();
  }

  private static McpSyncServer configure(
      McpServer.SyncSpecification<?> spec, CatalogBackend backend) {
    return spec.serverInfo(NAME, VersionProvider.version())
        .instructions(INSTRUCTIONS)
        .capabilities(capabilities())
        .jsonMapper(jsonMapper())
        .jsonSchemaValidator(new OutputSchemaValidator())
        .validateToolInputs(false)
        .requestTimeout(REQUEST_TIMEOUT)
        .tools(CatalogTools.specifications(backend))
        .resourceTemplates(CatalogResources.template(backend))
        .prompts(CatalogPrompts.specifications())
        .build();
  }

  private static ServerCapabilities capabilities() {
    return ServerCapabilities.builder().tools(false).resources(false, false).prompts(false).build();
  }
}
