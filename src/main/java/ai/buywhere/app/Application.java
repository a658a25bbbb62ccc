package ai.buywhere.app;

import ai.buywhere.api.ApiException;
import ai.buywhere.api.ApiServer;
import ai.buywhere.api.CatalogQueryService;
import ai.buywhere.api.CatalogRoutes;
import ai.buywhere.api.ErrorCode;
import ai.buywhere.api.OpenApiRoutes;
import ai.buywhere.api.RouteModule;
import ai.buywhere.auth.Auth;
import ai.buywhere.auth.AuthConfig;
import ai.buywhere.auth.Principal;
import ai.buywhere.catalog.CatalogRepository;
import ai.buywhere.catalog.CatalogWriter;
import ai.buywhere.catalog.FxRates;
import ai.buywhere.cli.VersionProvider;
import ai.buywhere.ingest.IngestConfig;
import ai.buywhere.ingest.api.IngestAdminRoutes;
import ai.buywhere.ingest.api.PushRoutes;
import ai.buywhere.ingest.fleet.IngestHealth;
import ai.buywhere.ingest.fleet.IngestRuntime;
import ai.buywhere.mcp.LocalCatalogBackend;
import ai.buywhere.mcp.McpHttpModule;
import ai.buywhere.ops.Observability;
import ai.buywhere.ops.backup.BackupScheduler;
import ai.buywhere.ops.backup.BackupService;
import ai.buywhere.ops.deploy.FaultInjection;
import ai.buywhere.ops.flags.ExperimentalRoutes;
import ai.buywhere.ops.flags.FeatureFlagRoutes;
import ai.buywhere.ops.flags.FeatureFlags;
import ai.buywhere.ops.flags.FlagRegistry;
import ai.buywhere.ops.flags.FlagsConfig;
import ai.buywhere.ops.flags.MarketSwitch;
import ai.buywhere.ops.flags.MarketSwitchRoutes;
import ai.buywhere.ops.health.CheckResult;
import ai.buywhere.ops.health.HealthCheck;
import ai.buywhere.ops.incidents.Incidents;
import ai.buywhere.ops.replication.PeriodicProbe;
import ai.buywhere.ops.replication.ReadRouting;
import ai.buywhere.ops.replication.ReplicationConfig;
import ai.buywhere.ops.replication.ReplicationService;
import ai.buywhere.search.ProductSearch;
import ai.buywhere.search.SearchService;
import ai.buywhere.store.Database;
import ai.buywhere.store.DatabaseConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
  private final FeatureFlags featureFlags;
  private final MarketSwitch marketSwitch;
  private SearchService search;
  private CatalogQueryService catalogQueries;
  private Auth auth;
  private McpHttpModule mcpHttp;
  private Observability observability;
  private final ReplicationConfig replication;
  private final ReadRouting readRouting;
  private IngestRuntime ingest;
  private BackupService backups;
  private final List<AutoCloseable> jobs = new ArrayList<>();
  private Incidents incidents;

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
    this.replication = ReplicationConfig.from(settings, server.dataDir());
    if (replication.replica().isPresent()) {
      // read-only queries go to the replica while its lag is under REPLICA_MAX_LAG_SECONDS
      this.readRouting = ReadRouting.open(database, replication);
      readRouting.start();
      this.catalog = new CatalogRepository(readRouting::forRead);
    } else {
      this.readRouting = null;
      this.catalog = new CatalogRepository(database);
    }
    this.featureFlags =
        new FeatureFlags(
                FlagRegistry.standard(), FlagsConfig.from(settings), settings, database, clock)
            .start();
    this.marketSwitch = new MarketSwitch(featureFlags);
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

  /** Feature flags (polling overrides and the flags file in the background). */
  public FeatureFlags featureFlags() {
    return featureFlags;
  }

  /** The market kill switch over the flags: hidden countries, ingestion pauses. */
  public MarketSwitch marketSwitch() {
    return marketSwitch;
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
              SearchService.POLL_INTERVAL,
              server.searchCacheHits());
    }
    return search;
  }

  /**
   * The read side of the public API, shared by REST and MCP. Hidden countries come from the market
   * kill switch ({@link MarketSwitch}), read on every request.
   */
  public synchronized CatalogQueryService catalogQueries() {
    if (catalogQueries == null) {
      catalogQueries = catalogQueries(search().search());
    }
    return catalogQueries;
  }

  /**
   * A query service over another searcher (the read-only index of {@code buywhere mcp}) with the
   * same market settings and kill switch as {@link #catalogQueries()}.
   */
  public CatalogQueryService catalogQueries(ProductSearch productSearch) {
    return new CatalogQueryService(
        catalog, productSearch, fx, clock, server.defaultCountryFilter(), marketSwitch);
  }

  /**
   * API keys, rate limits (Redis when {@code REDIS_URL} is set), admin access and the audit log,
   * built on first use. Its metrics go to this process's registry ({@link #observability()}).
   */
  public synchronized Auth auth() {
    if (auth == null) {
      auth = Auth.create(authConfig, database, clock, observability().metrics().registry());
    }
    return auth;
  }

  /**
   * Ingestion: sources, runs, the database queue and workers. Sources of a market whose ingestion
   * is switched off ({@link MarketSwitch#isIngestionAllowed}) are neither scheduled nor run.
   */
  public synchronized IngestRuntime ingest() {
    if (ingest == null) {
      ingest =
          IngestRuntime.create(
                  database,
                  catalogWriter,
                  IngestConfig.from(settings),
                  clock,
                  observability().metrics().registry())
              .marketGate(marketSwitch::isIngestionAllowed);
      IngestHealth health = new IngestHealth(ingest.sources(), clock, Duration.ofHours(24));
      observability().health().register(HealthCheck.of("ingestion", false, health::check));
      observability().health().freshness(health::freshness);
    }
    return ingest;
  }

  /** Backups of this catalog (BACKUP_DIR, retention, verification), with their gauges. */
  public synchronized BackupService backups() {
    if (backups == null) {
      backups = BackupService.from(database, settings, server.dataDir(), clock);
      backups.metrics().register(observability().metrics().registry());
    }
    return backups;
  }

  /**
   * Starts what a server node runs besides HTTP: {@code INGEST_WORKERS} in-process ingestion
   * workers (default 1; 0 leaves ingestion to {@code buywhere worker} nodes and only refreshes its
   * gauges), scheduled backups when {@code BACKUP_SCHEDULE_ENABLED=true}, and the replication and
   * PgBouncer probes when a replica or {@code PGBOUNCER_ADMIN_URL} is configured. Stopped by {@link
   * #close()}.
   */
  public synchronized void startServerJobs() {
    incidents().start();
    int workers = settings.getInt("INGEST_WORKERS", 1, 0, 64);
    if (workers > 0) {
      ingest().startWorkers("serve", workers);
    } else {
      ingest().scheduleMetricsRefresh(Duration.ofSeconds(15));
    }
    if (backups().config().scheduleEnabled()) {
      BackupScheduler scheduler = new BackupScheduler(backups(), clock);
      scheduler.start(Duration.ofMinutes(1));
      jobs.add(scheduler::close);
    }
    if (replication.replica().isPresent()) {
      ReplicationService service = new ReplicationService(replication);
      service.registerMetrics(observability().metrics().registry());
      jobs.add(
          PeriodicProbe.start("replication-status", replication.checkInterval(), service::status));
    }
    replication
        .pgBouncerMetrics()
        .ifPresent(
            m -> {
              m.register(observability().metrics().registry());
              jobs.add(PeriodicProbe.start("pgbouncer-pools", Duration.ofSeconds(15), m::refresh));
            });
  }

  /** Push authorisation: keys with role {@code ingest} or {@code admin} may push products. */
  private String authorizePush(String authorization) {
    Principal p = auth().authenticator().authenticate(authorization, "-", "/v1/ingest/products");
    if (p.role() == null || !p.role().mayPush()) {
      throw new ApiException(
          ErrorCode.FORBIDDEN,
          "This key may not push products: create one with role ingest or admin"
              + " (buywhere keys create --role ingest)");
    }
    return p.name();
  }

  /**
   * Metrics, health, readiness, alert evaluation and notifications of this process, built on first
   * use (it reads the search index's applied sequence, so it opens search too). Features register
   * their checks and gauges here.
   */
  public synchronized Observability observability() {
    if (observability == null) {
      SearchService s = search();
      observability =
          new Observability(
              settings,
              clock,
              database,
              catalog,
              () -> s.search().appliedSeq(),
              server.dataDir(),
              VersionProvider.version(),
              true);
      observability.metrics().cache("search", s, SearchService::resultCacheStats);
      observability.health().register(HealthCheck.of("feature_flags", false, this::flagsHealth));
      observability.showIncidents(() -> incidents().statusView());
      observability.alerts().subscribe(incidents().alertListener());
    }
    return observability;
  }

  private CheckResult flagsHealth() {
    var status = featureFlags.status();
    Map<String, Object> details = new LinkedHashMap<>(status.details());
    details.putAll(marketSwitch.status().details());
    return status.healthy()
        ? CheckResult.ok(details)
        : CheckResult.degraded(status.problem(), details);
  }

  /**
   * Incidents (policy validated on first use): service, admin routes, alert listener and the
   * SLA/escalation ticker, which only {@code serve} starts ({@link #startServerJobs()}). Firing
   * alerts open incidents; the status page shows them.
   */
  public synchronized Incidents incidents() {
    if (incidents == null) {
      incidents = new Incidents(settings, database, clock, observability().metrics().registry());
    }
    return incidents;
  }

  /**
   * The server's route modules in order. Modules with before-handlers that guard routes (auth, rate
   * limits, metrics) go before the routes they guard.
   */
  public List<RouteModule> routeModules() {
    // the metrics before-handler goes first so it times every request, auth included
    List<RouteModule> modules = new ArrayList<>(observability().routeModules());
    modules.addAll(auth().routes());
    List<String> adminOnly = observability().adminOnlyPaths();
    if (!adminOnly.isEmpty()) {
      // STATUS_PAGE_REQUIRE_ADMIN: the status page behind the same check as /admin/*
      modules.add(auth().adminOnly(adminOnly));
    }
    modules.add(new OpenApiRoutes());
    modules.add(new CatalogRoutes(catalogQueries()));
    modules.add(new ExperimentalRoutes(featureFlags, marketSwitch));
    // /admin/* is guarded by the auth module's before-handler, whatever the module order
    modules.add(new FeatureFlagRoutes(featureFlags));
    modules.add(new MarketSwitchRoutes(featureFlags, marketSwitch));
    FaultInjection faults = FaultInjection.fromSettings(settings);
    if (faults != null) {
      modules.add(faults);
    }
    modules.add(new IngestAdminRoutes(ingest()));
    modules.add(new PushRoutes(ingest().push(), this::authorizePush));
    modules.add(incidents().routes());
    modules.add(mcpHttp());
    return List.copyOf(modules);
  }

  /**
   * MCP over Streamable HTTP at {@code /mcp} (the same query service, keys and rate limits as REST;
   * 404 while {@code feature_mcp_server} is off), built on first use; closed when the server starts
   * stopping and again (idempotently) by {@link #close()}.
   */
  public synchronized McpHttpModule mcpHttp() {
    if (mcpHttp == null) {
      mcpHttp =
          new McpHttpModule(
              new LocalCatalogBackend(catalogQueries()),
              auth().authenticator(),
              () -> featureFlags.isEnabled("feature_mcp_server"));
    }
    return mcpHttp;
  }

  /** A not yet started API server with every route module; port 0 picks a free port. */
  public ApiServer apiServer(String host, int port) {
    return new ApiServer(ApiServer.Options.of(host, port), routeModules());
  }

  @Override
  public void close() {
    featureFlags.close();
    synchronized (this) {
      if (mcpHttp != null) {
        mcpHttp.close();
      }
      for (AutoCloseable job : jobs) {
        try {
          job.close();
        } catch (Exception e) {
          // best effort: a job that fails to stop must not keep the database open
        }
      }
      if (ingest != null) {
        ingest.close();
      }
      if (readRouting != null) {
        readRouting.close();
      }
      if (incidents != null) {
        incidents.close();
      }
      if (observability != null) {
        observability.close();
      }
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
