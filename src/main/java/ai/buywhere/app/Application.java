package ai.buywhere.app;

import ai.buywhere.api.ApiServer;
import ai.buywhere.api.CatalogQueryService;
import ai.buywhere.api.CatalogRoutes;
import ai.buywhere.api.OpenApiRoutes;
import ai.buywhere.api.RouteModule;
import ai.buywhere.auth.Auth;
import ai.buywhere.auth.AuthConfig;
import ai.buywhere.catalog.CatalogRepository;
import ai.buywhere.catalog.CatalogWriter;
import ai.buywhere.catalog.FxRates;
import ai.buywhere.search.SearchService;
import ai.buywhere.store.Database;
import ai.buywhere.store.DatabaseConfig;
import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The composition root. Builds config → database → catalog; commands and the server take what they
 * need from here, and tests build the same graph with test settings. Closing it closes everything
 * it opened, in reverse order.
 */
public final class Application implements AutoCloseable {
  private final Settings settings;
  private final ServerConfig server;
  private final FxRates fx;
  private final Clock clock;
  private final Database database;
  private final CatalogWriter catalogWriter;
  private final CatalogRepository catalog;
  private final AuthConfig authConfig;
  private SearchService search;
  private CatalogQueryService catalogQueries;
  private Auth auth;

  private Application(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.server = ServerConfig.from(settings);
    this.fx = FxRates.from(settings);
    this.authConfig = AuthConfig.from(settings);
    DatabaseConfig dbConfig = DatabaseConfig.from(settings, server.dataDir());
    try {
      Files.createDirectories(server.dataDir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create DATA_DIR " + server.dataDir(), e);
    }
    this.database = Database.open(dbConfig, "buywhere").migrate();
    this.catalogWriter = new CatalogWriter(database, fx, clock);
    this.catalog = new CatalogRepository(database);
  }

  /** Validates settings, opens and migrates the database. */
  public static Application open(Settings settings) {
    return new Application(settings, Clock.systemUTC());
  }

  public static Application open(Settings settings, Clock clock) {
    return new Application(settings, clock);
  }

  public Settings settings() {
    return settings;
  }

  public ServerConfig server() {
    return server;
  }

  public FxRates fx() {
    return fx;
  }

  public Clock clock() {
    return clock;
  }

  public Database database() {
    return database;
  }

  public CatalogWriter catalogWriter() {
    return catalogWriter;
  }

  public CatalogRepository catalog() {
    return catalog;
  }

  /**
   * The search index in writer mode, opened (and caught up with the catalog) on first use.
   *
   * @throws ai.buywhere.search.IndexLockedException when another process holds the index; callers
   *     that can do without search (the importer) catch it and let that process catch up
   */
  public synchronized SearchService search() {
    if (search == null) {
      search =
          SearchService.open(
              SearchService.indexDir(server.dataDir()),
              catalog,
              catalogWriter,
              SearchService.POLL_INTERVAL);
    }
    return search;
  }

  /**
   * The read side of the public API, shared by REST and MCP. Hidden countries (the market kill
   * switch) are none until the flags feature supplies them here.
   */
  public synchronized CatalogQueryService catalogQueries() {
    if (catalogQueries == null) {
      catalogQueries =
          new CatalogQueryService(
              catalog, search().search(), fx, clock, server.defaultCountryFilter(), Set::of);
    }
    return catalogQueries;
  }

  /**
   * API keys, rate limits (Redis when {@code REDIS_URL} is set), admin access and the audit log,
   * built on first use. Metrics go to Micrometer's global registry until the metrics feature
   * supplies its own.
   */
  public synchronized Auth auth() {
    if (auth == null) {
      auth = Auth.create(authConfig, database, clock, Metrics.globalRegistry);
    }
    return auth;
  }

  /**
   * The server's route modules in order. Modules with before-handlers that guard routes (auth, rate
   * limits, metrics) go before the routes they guard.
   */
  public List<RouteModule> routeModules() {
    List<RouteModule> modules = new ArrayList<>(auth().routes());
    modules.add(new OpenApiRoutes());
    modules.add(new CatalogRoutes(catalogQueries()));
    return List.copyOf(modules);
  }

  /** A not yet started API server with every route module; port 0 picks a free port. */
  public ApiServer apiServer(String host, int port) {
    return new ApiServer(ApiServer.Options.of(host, port), routeModules());
  }

  @Override
  public void close() {
    synchronized (this) {
      if (auth != null) {
        auth.close();
      }
      if (search != null) {
        search.close();
      }
    }
    database.close();
  }
}
