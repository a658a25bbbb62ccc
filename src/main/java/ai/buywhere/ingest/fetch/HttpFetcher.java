package ai.buywhere.ingest.fetch;

import ai.buywhere.ingest.IngestConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP GET path for ingestion (see the package doc for the rules it enforces). A reply
 * other than 2xx after retries is a {@link FetchException} carrying the status. Gzip bodies
 * (sitemap.xml.gz, or {@code Content-Encoding: gzip}) are inflated under the same size cap.
 * Thread-safe; one per process.
 */
public final class HttpFetcher {
  private static final Logger log = LoggerFactory.getLogger(HttpFetcher.class);
  private static final Duration ROBOTS_TTL = Duration.ofHours(1);

  private final IngestConfig config;
  private final HttpClient client;
  private final HostPolicy policy;
  private final RetryPolicy retry;
  private final HostThrottle throttle;
  private final Sleeper sleeper;
  private final Clock clock;
  private final ConcurrentHashMap<String, CachedRobots> robots = new ConcurrentHashMap<>();

  private record CachedRobots(RobotsRules rules, long fetchedAt) {}

  /** A successful reply; {@code uri} is the final one after redirects. */
  public record Response(URI uri, int status, String contentType, byte[] body) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  public HttpFetcher(IngestConfig config, Clock clock, Sleeper sleeper, long seed) {
    this.config = config;
    this.clock = clock;
    this.sleeper = sleeper;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    this.policy = new HostPolicy(config.allowedHosts());
    this.retry =
        new RetryPolicy(
            config.httpRetries(), config.retryBaseDelay(), config.maxRetryAfter(), seed, clock);
    this.throttle =
        new HostThrottle(config.perHostConcurrency(), config.perHostDelay(), clock, sleeper);
  }

  public static HttpFetcher create(IngestConfig config, Clock clock) {
    return new HttpFetcher(config, clock, Sleeper.REAL, System.nanoTime());
  }

  /** Raises the spacing between requests to {@code host} (per-source politeness). */
  public void raiseDelay(String host, Duration delay) {
    throttle.raiseDelay(host.toLowerCase(Locale.ROOT), delay);
  }

  public Response get(String url) {
    try {
      return get(URI.create(url.trim()));
    } catch (IllegalArgumentException e) {
      throw new FetchException("not a valid URL: " + url);
    }
  }

  /** GET with redirects, robots.txt, politeness and retries. */
  public Response get(URI start) {
    URI uri = start;
    Set<URI> seen = new HashSet<>();
    for (int hop = 0; ; hop++) {
      policy.check(uri);
      if (!seen.add(uri)) {
        throw new FetchException("redirect loop at " + uri);
      }
      if (!robotsFor(uri).allowed(pathOf(uri))) {
        throw new FetchException("disallowed by robots.txt: " + uri);
      }
      HttpResponse<byte[]> r = exchangeWithRetries(uri);
      int status = r.statusCode();
      if (status >= 300 && status < 400 && status != 304) {
        Optional<String> location = r.headers().firstValue("location");
        if (location.isEmpty()) {
          throw new FetchException("redirect without Location from " + uri, status, null);
        }
        if (hop >= config.maxRedirects()) {
          throw new FetchException("too many redirects from " + start, status, null);
        }
        try {
          uri = uri.resolve(location.get().trim());
        } catch (IllegalArgumentException e) {
          throw new FetchException("bad redirect Location from " + uri, status, e);
        }
        continue;
      }
      if (status < 200 || status >= 300) {
        throw new FetchException("HTTP " + status + " from " + uri, status, null);
      }
      String type = r.headers().firstValue("content-type").orElse("");
      String encoding = r.headers().firstValue("content-encoding").orElse("");
      return new Response(uri, status, type, maybeGunzip(r.body(), encoding));
    }
  }

  private HttpResponse<byte[]> exchangeWithRetries(URI uri) {
    for (int attempt = 0; ; attempt++) {
      HttpResponse<byte[]> r;
      try {
        r = exchange(uri);
      } catch (RetryableIo e) {
        Optional<Duration> wait = retry.delay(attempt, null);
        if (wait.isEmpty()) {
          throw new FetchException(e.getMessage() + " (after " + attempt + " retries)", 0, e);
        }
        pause(uri, wait.get(), e.getMessage());
        continue;
      }
      if (!RetryPolicy.retryable(r.statusCode())) {
        return r;
      }
      String retryAfter = r.headers().firstValue("retry-after").orElse(null);
      Optional<Duration> wait = retry.delay(attempt, retryAfter);
      if (wait.isEmpty()) {
        throw new FetchException(
            "HTTP " + r.statusCode() + " from " + uri + " (after " + attempt + " retries)",
            r.statusCode(),
            null);
      }
      pause(uri, wait.get(), "HTTP " + r.statusCode());
    }
  }

  private void pause(URI uri, Duration wait, String why) {
    log.debug("retrying {} in {} ms: {}", uri, wait.toMillis(), why);
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new FetchException("interrupted while waiting to retry " + uri, 0, ie);
    }
  }

  /** An I/O failure or timeout worth retrying. */
  private static final class RetryableIo extends Exception {
    RetryableIo(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private HttpResponse<byte[]> exchange(URI uri) throws RetryableIo {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    HttpRequest req =
        HttpRequest.newBuilder(uri)
            .timeout(config.requestTimeout())
            .header("User-Agent", config.userAgent())
            .header("Accept", "*/*")
            .GET()
            .build();
    try {
      throttle.acquire(host);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException("interrupted waiting for " + host, 0, e);
    }
    CompletableFuture<HttpResponse<byte[]>> f =
        client.sendAsync(req, info -> new CappedBody(config.maxResponseBytes()));
    try {
      return f.get(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new RetryableIo(
          "timed out after " + config.requestTimeout().toMillis() + " ms: " + uri, e);
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new FetchException("interrupted fetching " + uri, 0, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof FetchException fe) {
        throw fe;
      }
      if (cause instanceof IOException && cause.getCause() instanceof FetchException fe) {
        throw fe;
      }
      throw new RetryableIo("I/O error fetching " + uri + ": " + cause, cause);
    } finally {
      throttle.release(host);
    }
  }

  private byte[] maybeGunzip(byte[] body, String encoding) {
    boolean magic = body.length > 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
    if (!magic && !encoding.toLowerCase(Locale.ROOT).contains("gzip")) {
      return body;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[64 * 1024];
      int n;
      while ((n = in.read(buf)) > 0) {
        if (out.size() + n > config.maxResponseBytes()) {
          throw new FetchException(
              "inflated response exceeds the size cap of " + config.maxResponseBytes() + " bytes");
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new FetchException("corrupt gzip body: " + e.getMessage(), 0, e);
    }
  }

  private RobotsRules robotsFor(URI uri) {
    String key = uri.getScheme() + "://" + uri.getRawAuthority();
    CachedRobots cached = robots.get(key);
    if (cached != null && clock.millis() - cached.fetchedAt() < ROBOTS_TTL.toMillis()) {
      return cached.rules();
    }
    RobotsRules rules = fetchRobots(URI.create(key + "/robots.txt"));
    rules
        .crawlDelay()
        .ifPresent(d -> throttle.raiseDelay(uri.getHost().toLowerCase(Locale.ROOT), d));
    robots.put(key, new CachedRobots(rules, clock.millis()));
    return rules;
  }

  /** RFC 9309: 4xx → no rules; 5xx or unreachable after retries → refuse the host for now. */
  private RobotsRules fetchRobots(URI robotsUri) {
    URI uri = robotsUri;
    for (int hop = 0; hop <= config.maxRedirects(); hop++) {
      policy.check(uri);
      HttpResponse<byte[]> r;
      try {
        r = exchangeWithRetries(uri);
      } catch (FetchException e) {
        if (e.status() >= 500) {
          return RobotsRules.DISALLOW_ALL;
        }
        throw new FetchException("robots.txt unreachable at " + uri + ": " + e.getMessage());
      }
      int status = r.statusCode();
      if (status >= 300 && status < 400 && r.headers().firstValue("location").isPresent()) {
        uri = uri.resolve(r.headers().firstValue("location").get().trim());
        continue;
      }
      if (status >= 400 && status < 500) {
        return RobotsRules.ALLOW_ALL;
      }
      if (status >= 200 && status < 300) {
        return RobotsRules.parse(new String(r.body(), StandardCharsets.UTF_8), config.userAgent());
      }
      return RobotsRules.DISALLOW_ALL;
    }
    return RobotsRules.ALLOW_ALL;
  }

  private static String pathOf(URI uri) {
    String p = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? p : p + "?" + uri.getRawQuery();
  }
}
