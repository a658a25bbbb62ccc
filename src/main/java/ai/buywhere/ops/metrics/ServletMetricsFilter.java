package ai.buywhere.ops.metrics;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Records requests that servlets other than Javalin's served (the MCP endpoint), which Javalin's
 * before and after handlers never see: same metrics and access-log line, labelled with the
 * servlet's path. Requests Javalin handled carry its start attribute and are skipped here, so
 * nothing is counted twice. An asynchronous request (an MCP event stream) is recorded when it
 * completes, so its duration is the stream's lifetime; the {@code method} label keeps those apart
 * from the POSTed messages.
 */
final class ServletMetricsFilter extends HttpFilter {
  private final HttpMetricsRoutes routes;

  ServletMetricsFilter(HttpMetricsRoutes routes) {
    this.routes = routes;
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    long start = System.nanoTime();
    try {
      chain.doFilter(req, resp);
    } finally {
      if (!HttpMetricsRoutes.seenByJavalin(req)) {
        if (req.isAsyncStarted()) {
          req.getAsyncContext().addListener(new RecordOnCompletion(req, resp, start));
        } else {
          record(req, resp, start);
        }
      }
    }
  }

  private void record(HttpServletRequest req, HttpServletResponse resp, long start) {
    Object keyPrefix = req.getAttribute("key_prefix");
    routes.record(
        req.getMethod(),
        req.getServletPath(),
        resp.getStatus(),
        System.nanoTime() - start,
        keyPrefix == null ? null : keyPrefix.toString());
  }

  private final class RecordOnCompletion implements AsyncListener {
    private final HttpServletRequest req;
    private final HttpServletResponse resp;
    private final long start;

    RecordOnCompletion(HttpServletRequest req, HttpServletResponse resp, long start) {
      this.req = req;
      this.resp = resp;
      this.start = start;
    }

    @Override
    public void onComplete(AsyncEvent event) {
      record(req, resp, start);
    }

    @Override
    public void onTimeout(AsyncEvent event) {}

    @Override
    public void onError(AsyncEvent event) {}

    @Override
    public void onStartAsync(AsyncEvent event) {}
  }
}
