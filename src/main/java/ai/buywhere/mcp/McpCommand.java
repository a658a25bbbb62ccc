package ai.buywhere.mcp;

import ai.buywhere.app.Application;
import ai.buywhere.cli.CommonOptions;
import ai.buywhere.search.SearchService;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code buywhere mcp}: the MCP server on stdin/stdout for a local agent. Without {@code --api-url}
 * it serves the local catalog (same {@code DATA_DIR} / {@code DATABASE_URL} as {@code serve}) and
 * reads the search index read-only, so it runs beside a server on the same data dir without taking
 * the writer lock. With {@code --api-url} every tool calls that BuyWhere REST API with {@code
 * BUYWHERE_API_KEY}. stdout carries only the protocol: {@code System.out} is pointed at stderr,
 * where all logs go. Runs until stdin closes or SIGTERM.
 */
@Command(
    name = "mcp",
    mixinStandardHelpOptions = true,
    description =
        "Run the MCP server on stdio (local catalog, or --api-url to proxy a remote API).")
public final class McpCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(McpCommand.class);

  @Mixin CommonOptions common;

  @Option(
      names = "--api-url",
      paramLabel = "URL",
      description =
          "Proxy every tool to this BuyWhere REST API (e.g. https://api.buywhere.ai) with the key"
              + " in BUYWHERE_API_KEY, instead of the local catalog.")
  URI apiUrl;

  @Override
  public Integer call() throws InterruptedException {
    PrintStream protocolOut = System.out;
    System.setOut(System.err);
    CountDownLatch finished = new CountDownLatch(1);
    InputStream in = new EofSignal(System.in, finished);
    Application app = null;
    SearchService search = null;
    CatalogBackend backend;
    if (apiUrl != null) {
      backend = new RemoteCatalogBackend(apiUrl, System.getenv("BUYWHERE_API_KEY"));
      LOG.info("MCP stdio server proxying to {}", apiUrl);
    } else {
      app = Application.open(common.settings());
      search =
          SearchService.openReadOnly(
              SearchService.indexDir(app.server().dataDir()),
              SearchService.REOPEN_INTERVAL,
              app.server().searchCacheHits());
      backend = new LocalCatalogBackend(app.catalogQueries(search.search()));
      LOG.info("MCP stdio server on the local catalog in {}", app.server().dataDir());
    }
    McpSyncServer server =
        McpServers.stdio(
            new StdioServerTransportProvider(McpServers.jsonMapper(), in, protocolOut), backend);
    CountDownLatch closed = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              finished.countDown();
              awaitQuietly(closed);
            },
            "buywhere-mcp-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    finished.await();
    LOG.info("MCP stdio server stopping");
    try {
      server.closeGracefully();
    } finally {
      if (search != null) {
        search.close();
      }
      if (app != null) {
        app.close();
      }
      closed.countDown();
    }
    return 0;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Counts {@code eof} down when the client closes stdin (end of the session). */
  private static final class EofSignal extends FilterInputStream {
    private final CountDownLatch eof;

    EofSignal(InputStream in, CountDownLatch eof) {
      super(in);
      this.eof = eof;
    }

    @Override
    public int read() throws IOException {
      return signal(super.read());
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return signal(super.read(b, off, len));
    }

    private int signal(int n) {
      if (n < 0) {
        eof.countDown();
      }
      return n;
    }
  }
}
