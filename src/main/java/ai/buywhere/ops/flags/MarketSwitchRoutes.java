package ai.buywhere.ops.flags;

import ai.buywhere.api.ApiException;
import ai.buywhere.api.RouteModule;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code PATCH /admin/features {"us_market_enabled": false, "reason": "…"}}: the runbook's market
 * kill switch. Any {@code <cc>_market_enabled} or {@code <cc>_data_ingestion_enabled} flag may be
 * set; the values become audited runtime overrides (all or nothing), effective on this node at once
 * and on every node within the poll interval. {@code GET /admin/features} shows the market flags
 * and the hidden countries.
 */
public final class MarketSwitchRoutes implements RouteModule {
  private final FeatureFlags flags;
  private final MarketSwitch markets;

  public MarketSwitchRoutes(FeatureFlags flags, MarketSwitch markets) {
    this.flags = flags;
    this.markets = markets;
  }

  @Override
  public void configure(JavalinConfig config) {
    config.routes.get("/admin/features", this::show);
    config.routes.patch("/admin/features", this::patch);
  }

  private void show(Context ctx) {
    ctx.json(view(List.of()));
  }

  private void patch(Context ctx) {
    JsonNode body = RequestBodies.object(ctx);
    String reason = RequestBodies.reason(body.get("reason"), "reason");
    Map<String, Boolean> values = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = body.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      if (key.equals("reason")) {
        continue;
      }
      if (!MarketSwitch.isMarketFlag(key)) {
        throw ApiException.invalid(
            key, "is not a market flag (<cc>_market_enabled or <cc>_data_ingestion_enabled)");
      }
      if (flags.registry().find(key).isEmpty()) {
        throw ApiException.notFound("Unknown market flag '" + key + "'");
      }
      values.put(key, RequestBodies.requiredBoolean(e.getValue(), key));
    }
    if (values.isEmpty()) {
      throw ApiException.invalid("body", "must set at least one <cc>_market_enabled flag");
    }
    List<FlagChange> changes = flags.setOverrides(values, AdminPrincipal.of(ctx), reason);
    ctx.json(view(changes));
  }

  private Map<String, Object> view(List<FlagChange> changes) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("features", markets.marketFlags());
    MarketSwitch.Status s = markets.status();
    out.put("hidden_countries", s.hiddenCountries());
    out.put("ingestion_paused", s.ingestionPaused());
    if (!changes.isEmpty()) {
      out.put("updated", changes.stream().map(FeatureFlagRoutes::changeJson).toList());
    }
    return out;
  }
}
