package ai.buywhere.ops.metrics;

import ai.buywhere.api.RouteModule;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Request metrics, the access log and {@code GET /metrics}. A before handler stamps the start time
 * and puts the request id into the MDC; an after handler (which Javalin runs after the endpoint and
 * any exception mapper, so the status is final) records {@code http_requests_total}, {@code
 * http_request_duration_seconds}, {@code http_errors_total} and writes one access-log line.
 *
 * <p>Requests to servlets mounted beside Javalin (the MCP endpoint), which never reach Javalin's
 * handlers, are recorded the same way by {@link ServletMetricsFilter}, labelled with the servlet's
 * path ({@code /mcp}).
 *
 * <p>The {@code endpoint} label is the matched route template ({@code /v1/products/{id}}), never
 * the raw path, so label cardinality is bounded by the route table; requests no route matched are
 * labelled {@value #UNMATCHED}. The access log carries the route template, never the query string
 * (which may hold an API key).
 *
 * <p>Request id: the request attribute {@code buywhere.request_id} (set by {@code ApiServer}) or
 * {@code request_id} if an earlier handler set one, else a well-formed {@code X-Request-Id} header,
 * else a random id. The key prefix is read from the request attribute {@code key_prefix} that
 * authentication sets.
 */
public final class HttpMetricsRoutes implements RouteModule {
  static final String UNMATCHED = "unmatched";
  private static final String START = "ops.metrics.start";
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Logger access = LoggerFactory.getLogger("ai.buywhere.access");

  private final Metrics metrics;

  public HttpMetricsRoutes(Metrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void configure(JavalinConfig config) {
    config.routes.before(this::before);
    config.routes.after(this::after);
    // servlets mounted beside Javalin (MCP at /mcp) bypass its handlers: a filter counts those
    config.jetty.modifyServletContextHandler(
        handler ->
            handler.addFilter(
                new FilterHolder(new ServletMetricsFilter(this)),
                "/*",
                EnumSet.of(DispatcherType.REQUEST)));
    config.routes.get(
        "/metrics",
        ctx ->
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
  }

  private void before(Context ctx) {
    ctx.attribute(START, System.nanoTime());
    MDC.put("request_id", requestId(ctx));
  }

  private void after(Context ctx) {
    Long start = ctx.attribute(START);
    long nanos = start == null ? 0 : System.nanoTime() - start;
    record(
        ctx.method().name(),
        routeTemplate(ctx),
        ctx.statusCode(),
        nanos,
        ctx.attribute("key_prefix"));
  }

  /** Whether Javalin's handlers saw (and so already recorded) this servlet request. */
  static boolean seenByJavalin(jakarta.servlet.ServletRequest request) {
    return request.getAttribute(START) != null;
  }

  /** Metrics and the access-log line of one request. */
  void record(String method, String route, int status, long nanos, String keyPrefix) {
    metrics.recordRequest(method, route, status, nanos);
    try {
      MDC.put("method", method);
      MDC.put("route", route);
      MDC.put("status", Integer.toString(status));
      MDC.put("latency_ms", millisWithOneDecimal(nanos));
      if (keyPrefix != null) {
        MDC.put("key_prefix", keyPrefix);
      }
      access.info("{} {} {} {}ms", method, route, status, MDC.get("latency_ms"));
    } finally {
      MDC.clear();
    }
  }

  /**
   * {@code nanos} as milliseconds with one decimal, rounded half up ({@code 1250000} → {@code
   * "1.3"}); what {@code String.format("%.1f")} gives, without its parsing of the pattern on every
   * request (1.5 % of the server's CPU under load).
   */
  static String millisWithOneDecimal(long nanos) {
    long tenths = (Math.max(0, nanos) + 50_000) / 100_000;
    return (tenths / 10) + "." + (tenths % 10);
  }

  private static String requestId(Context ctx) {
    Object attr = ctx.attribute("buywhere.request_id");
    if (attr == null) {
      attr = ctx.attribute("request_id");
    }
    if (attr != null) {
      return attr.toString();
    }
    String header = ctx.header("X-Request-Id");
    if (header != null && SAFE_ID.matcher(header).matches()) {
      return header;
    }
    return UUID.randomUUID().toString();
  }

  /** The matched HTTP route's template, or {@value #UNMATCHED}. */
  static String routeTemplate(Context ctx) {
    try {
      Endpoint e = ctx.endpoints().lastHttpEndpoint();
      if (e != null && e.method.isHttpMethod()) {
        return e.path;
      }
    } catch (RuntimeException noneMatched) {
      // Javalin throws when no HTTP endpoint matched (404, or a before handler halted the request)
    }
    return UNMATCHED;
  }
}
