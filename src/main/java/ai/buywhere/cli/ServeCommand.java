package ai.buywhere.cli;

import ai.buywhere.api.ApiServer;
import ai.buywhere.app.Application;
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
    description = "Run the API server (REST v1, /openapi.json).")
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
      server = app.apiServer(app.server().host(), app.server().port()).start();
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
                  LOG.info("shutting down: finishing in-flight requests");
                  server.stop();
                  app.close();
                  stopped.countDown();
                },
                "buywhere-shutdown"));
    stopped.await();
    return 0;
  }

  private static String displayHost(String host) {
    return host.equals("0.0.0.0") ? "localhost" : host;
  }
}
