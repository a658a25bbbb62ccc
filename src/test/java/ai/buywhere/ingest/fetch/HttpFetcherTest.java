package ai.buywhere.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.buywhere.app.Settings;
import ai.buywhere.ingest.FixtureServer;
import ai.buywhere.ingest.IngestConfig;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {
  private final FixtureServer server = new FixtureServer();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  private HttpFetcher fetcher(IngestConfig config) {
    return new HttpFetcher(config, Clock.systemUTC(), sleeps::add, 42);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void retriesA429StormHonouringRetryAfterThenSucceeds() {
    AtomicInteger calls = new AtomicInteger();
    server.on(
        "/feed",
        ex -> {
          int n = calls.incrementAndGet();
          if (n <= 3) {
            ex.getResponseHeaders().set("Retry-After", n == 1 ? "7" : "");
            FixtureServer.send(ex, n == 3 ? 503 : 429, "text/plain", "slow down".getBytes());
          } else {
            FixtureServer.send(ex, 200, "text/plain", "ok".getBytes());
          }
        });
    HttpFetcher.Response r = fetcher(IngestConfig.forTests()).get(server.base() + "/feed");
    assertThat(r.text()).isEqualTo("ok");
    assertThat(calls.get()).isEqualTo(4);
    assertThat(sleeps).hasSize(3);
    assertThat(sleeps.get(0)).isEqualTo(Duration.ofSeconds(7));
    // exponential backoff with jitter in [50%, 100%] of base(5 ms)·2^attempt
    assertThat(sleeps.get(1).toMillis()).isBetween(5L, 10L);
    assertThat(sleeps.get(2).toMillis()).isBetween(10L, 20L);
  }

  @Test
  void givesUpAfterRetriesWithTheStatus() {
    server.on("/down", ex -> FixtureServer.send(ex, 502, "text/plain", "bad gateway".getBytes()));
    assertThatThrownBy(() -> fetcher(IngestConfig.forTests()).get(server.base() + "/down"))
        .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.status()).isEqualTo(502))
        .hasMessageContaining("after 4 retries");
    assertThat(server.hits("/down")).isEqualTo(5);
    assertThat(server.hits("/robots.txt")).isEqualTo(1);
  }

  @Test
  void retryAfterBeyondTheCapEndsRetries() {
    server.on(
        "/busy",
        ex -> {
          ex.getResponseHeaders().set("Retry-After", "86400");
          FixtureServer.send(ex, 429, "text/plain", new byte[0]);
        });
    assertThatThrownBy(() -> fetcher(IngestConfig.forTests()).get(server.base() + "/busy"))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("HTTP 429");
    assertThat(server.hits("/busy")).isEqualTo(1);
  }

  @Test
  void notFoundIsNotRetried() {
    assertThatThrownBy(() -> fetcher(IngestConfig.forTests()).get(server.base() + "/nope"))
        .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThat(server.hits("/nope")).isEqualTo(1);
  }

  @Test
  void followsRedirectsButDetectsLoopsAndCapsHops() {
    server.on("/old", ex -> redirect(ex, "/new"));
    server.text("/new", "text/plain", "moved");
    server.on("/a", ex -> redirect(ex, "/b"));
    server.on("/b", ex -> redirect(ex, "/a"));
    for (int i = 0; i < 10; i++) {
      int next = i + 1;
      server.on("/hop" + i, ex -> redirect(ex, "/hop" + next));
    }
    HttpFetcher f = fetcher(IngestConfig.forTests());
    HttpFetcher.Response r = f.get(server.base() + "/old");
    assertThat(r.text()).isEqualTo("moved");
    assertThat(r.uri().getPath()).isEqualTo("/new");
    assertThatThrownBy(() -> f.get(server.base() + "/a")).hasMessageContaining("redirect loop");
    assertThatThrownBy(() -> f.get(server.base() + "/hop0"))
        .hasMessageContaining("too many redirects");
  }

  @Test
  void redirectToAForbiddenSchemeOrPrivateHostIsRefused() {
    server.on("/evil", ex -> redirect(ex, "file:///etc/passwd"));
    server.on("/internal", ex -> redirect(ex, "http://10.0.0.1/admin"));
    HttpFetcher f = fetcher(IngestConfig.forTests());
    assertThatThrownBy(() -> f.get(server.base() + "/evil"))
        .hasMessageContaining("only http and https");
    assertThatThrownBy(() -> f.get(server.base() + "/internal"))
        .hasMessageContaining("private or loopback");
  }

  @Test
  void loopbackRefusedUnlessAllowListedByHostOrCidr() {
    server.text("/x", "text/plain", "hi");
    IngestConfig closed = IngestConfig.from(Settings.of(Map.of(), Map.of()));
    assertThatThrownBy(() -> fetcher(closed).get(server.base() + "/x"))
        .hasMessageContaining("private or loopback");
    IngestConfig cidr =
        IngestConfig.from(
            Settings.of(
                Map.of(),
                Map.of(
                    "INGEST_ALLOWED_HOSTS",
                    "10.0.0.0/8, 127.0.0.0/8",
                    "INGEST_HOST_DELAY_MS",
                    "0")));
    assertThat(fetcher(cidr).get(server.base() + "/x").text()).isEqualTo("hi");
    assertThatThrownBy(() -> fetcher(closed).get("ftp://example.com/x"))
        .hasMessageContaining("only http");
  }

  @Test
  void hugeResponsesAreCutOffAtTheCap() {
    byte[] big = new byte[200_000];
    server.on("/huge", ex -> FixtureServer.send(ex, 200, "application/json", big));
    server.on(
        "/endless",
        ex -> {
          ex.getResponseHeaders().set("Content-Type", "text/plain");
          ex.sendResponseHeaders(200, 0);
          try (OutputStream out = ex.getResponseBody()) {
            for (int i = 0; i < 1000; i++) {
              out.write(new byte[8192]);
            }
          }
        });
    HttpFetcher f = fetcher(IngestConfig.forTests().withLimits(100_000, Duration.ofSeconds(3)));
    assertThatThrownBy(() -> f.get(server.base() + "/huge")).hasMessageContaining("size cap");
    assertThatThrownBy(() -> f.get(server.base() + "/endless")).hasMessageContaining("size cap");
  }

  @Test
  void slowResponsesTimeOutAndAreRetried() {
    server.on(
        "/slow",
        ex -> {
          try {
            Thread.sleep(1_500);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          FixtureServer.send(ex, 200, "text/plain", "late".getBytes());
        });
    HttpFetcher f = fetcher(IngestConfig.forTests().withLimits(1_000_000, Duration.ofMillis(200)));
    assertThatThrownBy(() -> f.get(server.base() + "/slow")).hasMessageContaining("timed out");
    assertThat(sleeps).hasSize(4);
  }

  @Test
  void robotsTxtIsHonouredForOurAgent() {
    server.text(
        "/robots.txt",
        "text/plain",
        "User-agent: *\nDisallow: /\n\nUser-agent: BuyWhereBot\nDisallow: /private/\nAllow: /private/ok$\nCrawl-delay: 2\n");
    server.text("/public", "text/plain", "yes");
    server.text("/private/ok", "text/plain", "ok");
    server.text("/private/secret", "text/plain", "no");
    HttpFetcher f = fetcher(IngestConfig.forTests());
    assertThat(f.get(server.base() + "/public").text()).isEqualTo("yes");
    assertThat(f.get(server.base() + "/private/ok").text()).isEqualTo("ok");
    assertThatThrownBy(() -> f.get(server.base() + "/private/secret"))
        .hasMessageContaining("robots.txt");
    assertThat(server.hits("/private/secret")).isZero();
    assertThat(server.hits("/robots.txt")).isEqualTo(1);
    // Crawl-delay 2 s spaces the later requests to the host
    assertThat(sleeps).anyMatch(d -> d.toMillis() > 1_000);
  }

  @Test
  void userAgentIsSent() {
    AtomicInteger ok = new AtomicInteger();
    server.on(
        "/ua",
        ex -> {
          if (ex.getRequestHeaders().getFirst("User-Agent").startsWith("BuyWhereBot/")) {
            ok.incrementAndGet();
          }
          FixtureServer.send(ex, 200, "text/plain", "x".getBytes());
        });
    fetcher(IngestConfig.forTests()).get(server.base() + "/ua");
    assertThat(ok.get()).isEqualTo(1);
  }

  private static void redirect(com.sun.net.httpserver.HttpExchange ex, String to)
      throws java.io.IOException {
    ex.getResponseHeaders().set("Location", to);
    FixtureServer.send(ex, 302, "text/plain", new byte[0]);
  }
}
