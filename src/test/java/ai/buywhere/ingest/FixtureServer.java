package ai.buywhere.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local merchant: a JDK HTTP server on 127.0.0.1, port 0, answering registered paths (path plus
 * query, exact match first, then path only). Unregistered paths are 404 (so robots.txt is absent
 * unless registered). Counts hits per path.
 */
public final class FixtureServer implements AutoCloseable {
  /** Answers one request. */
  @FunctionalInterface
  public interface Handler {
    void handle(HttpExchange ex) throws IOException;
  }

  private final HttpServer server;
  private final Map<String, Handler> routes = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

  /** Non-daemon threads: shut down in {@link #close}, or a JVM using this never exits. */
  private final ExecutorService executor = Executors.newFixedThreadPool(8);

  public FixtureServer() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext(
        "/",
        ex -> {
          String full = ex.getRequestURI().getRawPath();
          String q = ex.getRequestURI().getRawQuery();
          String withQuery = q == null ? full : full + "?" + q;
          hits.computeIfAbsent(withQuery, k -> new AtomicInteger()).incrementAndGet();
          Handler h = routes.getOrDefault(withQuery, routes.get(full));
          try {
            if (h == null) {
              send(ex, 404, "text/plain", "not found".getBytes());
            } else {
              h.handle(ex);
            }
          } catch (IOException e) {
            // client went away (timeout/size-cap tests)
          } finally {
            ex.close();
          }
        });
    server.start();
  }

  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public FixtureServer on(String pathAndQuery, Handler h) {
    routes.put(pathAndQuery, h);
    return this;
  }

  public FixtureServer text(String path, String contentType, String body) {
    return on(path, ex -> send(ex, 200, contentType, body.getBytes()));
  }

  public FixtureServer resource(String path, String contentType, String resource) {
    byte[] bytes = read(resource);
    return on(path, ex -> send(ex, 200, contentType, bytes));
  }

  public int hits(String pathAndQuery) {
    AtomicInteger n = hits.get(pathAndQuery);
    return n == null ? 0 : n.get();
  }

  public static byte[] read(String resource) {
    try (InputStream in = FixtureServer.class.getResourceAsStream("/ingest/" + resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void send(HttpExchange ex, int status, String type, byte[] body)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
