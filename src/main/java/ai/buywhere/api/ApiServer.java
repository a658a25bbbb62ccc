package ai.buywhere.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson;
import io.javalin.router.ParsedEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The one HTTP server (Javalin 7 on Jetty 12). Shared pieces are applied before any feature's
 * {@link RouteModule}: the snake_case JSON mapper, {@code X-Request-Id}, CORS for GET, the request
 * body cap and the error envelope ({@link ErrorMapper}). Modules then add their before-handlers
 * (auth, rate limits, metrics) and routes in the order given. Javalin runs every matching
 * before-handler, in registration order, ahead of any endpoint, so a guard protects every route
 * whichever module declares it; modules fail with {@link ApiException} and never register their own
 * handlers for {@code Exception}.
 *
 * <p>Lifecycle: {@link #start()} binds (port 0 picks a free port, see {@link #port()}); {@link
 * #stop()} stops accepting, lets in-flight requests finish (Jetty's graceful stop) and is
 * idempotent.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

  /**
   * @param maxBodyBytes request bodies larger than this get 413 {@code payload_too_large}
   */
  public record Options(String host, int port, long maxBodyBytes) {
    public static final long DEFAULT_MAX_BODY = 1024 * 1024;

    public static Options of(String host, int port) {
      return new Options(host, port, DEFAULT_MAX_BODY);
    }
  }

  /** A registered HTTP route: method (upper case) and Javalin path ({@code /v1/products/{id}}). */
  public record Route(String method, String path) {}

  private final Options options;
  private final Javalin app;
  private boolean stopped;

  public ApiServer(Options options, List<RouteModule> modules) {
    this.options = options;
    this.app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.http.maxRequestSize = options.maxBodyBytes();
              config.http.prefer405over404 = true;
              config.jsonMapper(new JavalinJackson(ApiJson.mapper(), false));
              config.jetty.host = options.host();
              config.jetty.port = options.port();
              config.jetty.modifyServer(
                  server -> {
                    server.setStopTimeout(10_000);
                    server.setErrorHandler(new JettyErrorHandler());
                  });
              config.routes.before(ApiServer::requestBasics);
              config.routes.after(ctx -> MDC.remove(RequestIds.MDC_KEY));
              ErrorMapper.install(config);
              for (RouteModule module : modules) {
                module.configure(config);
              }
            });
  }

  /**
   * Request id (header, attribute, logging MDC) and CORS. A CORS preflight ({@code OPTIONS} with
   * {@code Access-Control-Request-Method}) is answered here with 204, as the API is read-only and
   * public: any origin may GET with {@code Authorization} and {@code X-Request-Id}.
   */
  private static void requestBasics(Context ctx) {
    RequestIds.assign(ctx);
    HandlerType m = ctx.method();
    if (HandlerType.GET.equals(m) || HandlerType.HEAD.equals(m)) {
      ctx.header("Access-Control-Allow-Origin", "*");
      ctx.header("Access-Control-Expose-Headers", "X-Request-Id, Retry-After");
    } else if (HandlerType.OPTIONS.equals(m)
        && ctx.header("Access-Control-Request-Method") != null) {
      ctx.header("Access-Control-Allow-Origin", "*");
      ctx.header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
      ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type, X-Request-Id");
      ctx.header("Access-Control-Max-Age", "600");
      ctx.status(204);
      ctx.skipRemainingHandlers();
    }
  }

  public ApiServer start() {
    app.start();
    LOG.info("API listening on http://{}:{}", options.host(), port());
    return this;
  }

  /** The bound port (the real one when started with port 0). */
  public int port() {
    return app.port();
  }

  /** Every HTTP route registered by the modules, for the OpenAPI coverage test and diagnostics. */
  public List<Route> routes() {
    List<Route> out = new ArrayList<>();
    for (ParsedEndpoint pe : app.unsafe.internalRouter.allHttpHandlers()) {
      HandlerType type = pe.endpoint.method;
      if (type.isHttpMethod()) {
        out.add(new Route(type.name().toUpperCase(Locale.ROOT), pe.endpoint.path));
      }
    }
    return out;
  }

  /** Graceful stop: no new connections, in-flight requests finish (up to 10 s). Idempotent. */
  public synchronized void stop() {
    if (!stopped) {
      stopped = true;
      app.stop();
    }
  }

  @Override
  public void close() {
    stop();
  }
}
