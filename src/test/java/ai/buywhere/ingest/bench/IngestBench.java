package ai.buywhere.ingest.bench;

import ai.buywhere.api.ApiException;
import ai.buywhere.catalog.CatalogWriter;
import ai.buywhere.catalog.FxRates;
import ai.buywhere.ingest.FixtureServer;
import ai.buywhere.ingest.IngestConfig;
import ai.buywhere.ingest.ShopifyFeeds;
import ai.buywhere.ingest.api.PushAuthorizer;
import ai.buywhere.ingest.api.PushRoutes;
import ai.buywhere.ingest.fleet.IngestRuntime;
import ai.buywhere.ingest.fleet.Worker;
import ai.buywhere.ingest.run.Run;
import ai.buywhere.ingest.source.SourceSpec;
import ai.buywhere.store.Database;
import ai.buywhere.store.Dialect;
import ai.buywhere.store.TestDatabases;
import io.javalin.Javalin;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * End-to-end ingestion throughput: a local Shopify-format store of N products → fetch, normalise,
 * validate, gate, write (first run: inserts; second run: unchanged rows) and the push API (N rows
 * in requests of 1,000 over HTTP). Usage: {@code IngestBench sqlite|postgresql [N]}. Not a test
 * (surefire excludes bench/); see docs/ingestion.md for the command and results.
 */
public final class IngestBench {
  private IngestBench() {}

  public static void main(String[] args) throws Exception {
    Dialect dialect =
        args.length > 0 && args[0].startsWith("p") ? Dialect.POSTGRESQL : Dialect.SQLITE;
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    Path dir = Files.createTempDirectory("ingest-bench");
    try (TestDatabases.Created created = TestDatabases.create(dialect, dir);
        Database db = Database.open(created.config(), "bench").migrate();
        FixtureServer store = new FixtureServer();
        IngestRuntime rt =
            IngestRuntime.create(
                db,
                new CatalogWriter(db, FxRates.defaults(), Clock.systemUTC()),
                IngestConfig.forTests(),
                Clock.systemUTC(),
                new SimpleMeterRegistry())) {
      ShopifyFeeds.serve(store, n, null);
      rt.sources()
          .upsert(
              new SourceSpec("bench_us", "shopify", store.base(), null, null, 600, null)
                  .validate());
      Worker w = rt.newWorker("bench");
      for (String label : new String[] {"first run (inserts)", "second run (unchanged)"}) {
        rt.controls().trigger(null, "manual", "bench", null);
        long t0 = System.nanoTime();
        w.runOnce();
        double s = (System.nanoTime() - t0) / 1e9;
        Run r = rt.runs().list("bench_us", 1).get(0);
        System.out.printf(
            "%s shopify %s: %d rows in %.2f s = %.0f products/s (status %s)%n",
            dialect, label, r.rowsSeen(), s, r.rowsSeen() / s, r.status().wire());
      }

      rt.sources()
          .upsert(new SourceSpec("push_us", "push", null, null, null, 600, null).validate());
      Javalin app =
          Javalin.create(
                  cfg -> {
                    cfg.http.maxRequestSize = 16_000_000L;
                    new PushRoutes(rt.push(), PushAuthorizer.adminToken("bench")).configure(cfg);
                    cfg.routes.exception(
                        ApiException.class, (e, ctx) -> ctx.status(e.code().status()));
                  })
              .start("127.0.0.1", 0);
      try {
        HttpClient client = HttpClient.newHttpClient();
        long t0 = System.nanoTime();
        int pushed = 0;
        for (int b = 0; b * 1000 < n; b++) {
          StringBuilder body = new StringBuilder("{\"source\":\"push_us\",\"products\":[");
          for (int i = b * 1000; i < Math.min(n, (b + 1) * 1000); i++) {
            body.append(i == b * 1000 ? "" : ",")
                .append("{\"sku\":\"P")
                .append(i)
                .append("\",\"title\":\"Pushed product ")
                .append(i)
                .append("\",\"price\":")
                .append(10 + i % 90)
                .append(".5,\"url\":\"https://push.example.com/p/")
                .append(i)
                .append("\",\"image_url\":\"https://push.example.com/i/")
                .append(i)
                .append(".jpg\",\"brand\":\"Acme\",\"category_path\":[\"Home\",\"Kitchen\"]}");
            pushed++;
          }
          body.append("]}");
          HttpResponse<String> resp =
              client.send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + app.port() + "/v1/ingest/products"))
                      .header("Authorization", "Bearer bench")
                      .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          if (resp.statusCode() != 200) {
            throw new IllegalStateException("push answered " + resp.statusCode());
          }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
            "%s push API: %d rows in %.2f s = %.0f products/s%n", dialect, pushed, s, pushed / s);
      } finally {
        app.stop();
      }
      System.out.println(
          "catalog rows: "
              + db.jdbi()
                  .withHandle(
                      h -> h.createQuery("SELECT COUNT(*) FROM products").mapTo(Long.class).one()));
    }
  }
}
