package ai.buywhere.mcp;

import ai.buywhere.api.ApiException;
import ai.buywhere.api.RouteModule;
import ai.buywhere.auth.Authenticator;
import ai.buywhere.cli.VersionProvider;
import io.javalin.config.JavalinConfig;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MCP over Streamable HTTP inside the API server: {@code /mcp} (POST for messages, GET for the
 * server-to-client stream, DELETE to end a session) behind {@link McpAuthFilter}; session traffic
 * goes to the SDK's streamable transport, lone POSTs of stateless clients to its stateless
 * transport ({@link McpDispatchServlet}); {@code GET /mcp/v1/health} is a Javalin route. Add it to
 * the server's route modules. When the server starts stopping (or on {@link #close()}) the sessions
 * end and the SDK's session sweeper thread (which would otherwise keep the JVM alive) is disposed.
 */
public final class McpHttpModule implements RouteModule, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(McpHttpModule.class);
  public static final String PATH = "/mcp";
  public static final String HEALTH_PATH = "/mcp/v1/health";
  static final int MAX_BODY_BYTES = 1024 * 1024;

  private final HttpServletStreamableServerTransportProvider transport;
  private final McpSyncServer server;
  private final HttpServletStatelessServerTransport statelessTransport;
  private final McpStatelessSyncServer statelessServer;
  private final OwnedSchedulers schedulers = new OwnedSchedulers();
  private final Authenticator authenticator;
  private final BooleanSupplier enabled;
  private boolean closed;

  /**
   * @param enabled the {@code feature_mcp_server} flag, read on every request
   */
  public McpHttpModule(
      CatalogBackend backend, Authenticator authenticator, BooleanSupplier enabled) {
    this.authenticator = authenticator;
    this.enabled = enabled;
    this.transport =
        schedulers.capture(
            () ->
                HttpServletStreamableServerTransportProvider.builder()
                    .jsonMapper(McpServers.jsonMapper())
                    .mcpEndpoint(PATH)
                    .keepAliveInterval(Duration.ofSeconds(30))
                    .build());
    this.server = McpServers.http(transport, backend);
    this.statelessTransport =
        HttpServletStatelessServerTransport.builder()
            .jsonMapper(McpServers.jsonMapper())
            .messageEndpoint(PATH)
            .build();
    this.statelessServer = McpServers.stateless(statelessTransport, backend);
  }

  @Override
  public void configure(JavalinConfig config) {
    config.jetty.modifyServletContextHandler(
        handler -> {
          ServletHolder holder =
              new ServletHolder(
                  "mcp", new McpDispatchServlet(transport, statelessTransport, MAX_BODY_BYTES));
          holder.setAsyncSupported(true);
          handler.addServlet(holder, PATH);
          handler.addFilter(
              new FilterHolder(new McpAuthFilter(authenticator, enabled)),
              PATH,
              EnumSet.of(DispatcherType.REQUEST));
        });
    // end MCP sessions (and their open GET streams) as soon as the server starts stopping, so
    // that Jetty's graceful stop does not wait for streams that never end on their own
    config.jetty.modifyServer(
        server ->
            server.addEventListener(
                new LifeCycle.Listener() {
                  @Override
                  public void lifeCycleStopping(LifeCycle event) {
                    close();
                  }
                }));
    config.routes.get(HEALTH_PATH, ctx -> ctx.json(health()));
  }

  private Map<String, Object> health() {
    if (!enabled.getAsBoolean()) {
      throw ApiException.notFound("No such endpoint: " + HEALTH_PATH);
    }
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("status", "ok");
    h.put("server", McpServers.NAME);
    h.put("version", VersionProvider.version());
    h.put("transport", "streamable-http");
    h.put("endpoint", PATH);
    h.put("protocol_versions", transport.protocolVersions());
    h.put("tools", server.listTools().size());
    return h;
  }

  /** Ends open sessions and stops the SDK's background threads. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      server.closeGracefully();
    } catch (RuntimeException e) {
      LOG.warn("MCP server did not close gracefully: {}", e.toString());
    }
    try {
      statelessServer.closeGracefully();
    } catch (RuntimeException e) {
      LOG.warn("MCP stateless server did not close gracefully: {}", e.toString());
    }
    transport.destroy();
    schedulers.dispose();
  }
}
