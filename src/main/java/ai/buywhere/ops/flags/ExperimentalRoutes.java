package ai.buywhere.ops.flags;

import ai.buywhere.api.RouteModule;
import io.javalin.config.JavalinConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /v1/experimental/*}, gated as a whole by {@code feature_experimental_scraper} (the
 * deployment runbook's example): while the flag is off every path below answers 404. The one
 * endpoint so far, {@code GET /v1/experimental/scraper/status}, reports the experimental scraper's
 * switches: whether it is on, and per market whether ingestion may run.
 */
public final class ExperimentalRoutes implements RouteModule {
  static final String FLAG = "feature_experimental_scraper";
  private final FeatureFlags flags;
  private final MarketSwitch markets;

  public ExperimentalRoutes(FeatureFlags flags, MarketSwitch markets) {
    this.flags = flags;
    this.markets = markets;
  }

  @Override
  public void configure(JavalinConfig config) {
    FeatureGate gate = new FeatureGate(flags);
    config.routes.before("/v1/experimental/*", gate.before(FLAG));
    config.routes.get(
        "/v1/experimental/scraper/status",
        ctx -> {
          Map<String, Boolean> ingestion = new LinkedHashMap<>();
          FlagRegistry.MARKETS.forEach(cc -> ingestion.put(cc, markets.isIngestionAllowed(cc)));
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("status", "experimental");
          out.put("flag", FLAG);
          out.put("source", flags.state(FLAG).source().wire());
          out.put("ingestion_allowed", ingestion);
          ctx.json(out);
        });
  }
}
