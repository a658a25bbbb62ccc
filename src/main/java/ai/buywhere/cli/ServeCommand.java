package ai.buywhere.cli;

import ai.buywhere.api.ApiServer;
import ai.buywhere.app.Application;
import ai.buywhere.auth.DemoKey;
import ai.buywhere.catalog.demo.DemoCatalog;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code buywhere serve}: opens the application (database, search index caught up with the
 * catalog), starts the HTTP server and runs until SIGTERM/SIGINT. Shutdown stops accepting, lets
 * in-flight requests finish, then closes the index and the database.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Run the API server (REST v1, MCP, /admin, /health, /metrics) with in-process ingestion workers.")
final class ServeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  @Mixin CommonOptions common;

  @Option(names = "--port", paramLabel = "N", description = "HTTP port (default 8000). Env: PORT.")
  Integer port;

  @Option(
      names = "--host",
      paramLabel = "ADDR",
      description = "Bind address (default 0.0.0.0). Env: HOST.")
  String host;

  @Option(
      names = "--demo",
      description = "Load the demo catalog (SG and US, with price histories) and print an API key.")
  boolean demo;

  @Override
  public Integer call() throws InterruptedException {
    Map<String, String> ov = new HashMap<>();
    if (port != null) {
      ov.put("PORT", String.valueOf(port));
    }
    if (host != null) {
      ov.put("HOST", host);
    }
    Application app = Application.open(common.settings(ov));
    ApiServer server;
    try {
      app.search();
      if (demo) {
        loadDemo(app);
      }
      server = app.apiServer(app.server().host(), app.server().port()).start();
      app.startServerJobs();
    } catch (RuntimeException e) {
      app.close();
      throw e;
    }
    String url = "http://" + displayHost(app.server().host()) + ":" + server.port();
    LOG.info("BuyWhere API ready at {} (OpenAPI: {}/openapi.json)", url, url);
    System.out.println("BuyWhere API listening on " + url);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info(
                      "shutting down: /ready now 503, draining, then finishing in-flight requests");
                  try {
                    app.observability().drain();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  server.stop();
                  app.close();
                  stopped.countDown();
                },
                "buywhere-shutdown"));
    stopped.await();
    return 0;
  }

  /** Loads the demo catalog, waits until search sees it, and prints a working API key. */
  private static void loadDemo(Application app) {
    DemoCatalog.LoadResult r = DemoCatalog.load(app.database(), app.fx(), app.clock());
    if (!app.search().awaitSeq(app.catalog().currentSeq(), Duration.ofMinutes(2))) {
      LOG.warn("search index still catching up with the demo catalog");
    }
    LOG.info("demo catalog: {} products ({} new)", r.products(), r.added());
    String key = DemoKey.ensure(app.auth().keys(), app.server().dataDir());
    System.out.println("Demo API key (Authorization: Bearer …): " + key);
  }

  private static String displayHost(String host) {
    return host.equals("0.0.0.0") ? "localhost" : host;
  }
}
