package ai.buywhere.ops.health;

import ai.buywhere.api.RouteModule;
import ai.buywhere.shared.Json;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /health} (200 for ok/degraded, 503 for unhealthy) and {@code GET /ready} (200, or 503
 * with the reasons). Both are unauthenticated and cheap enough for a probe every few seconds.
 */
public final class HealthRoutes implements RouteModule {
  /**
   * Keeps null fields ({@code oldest_last_run_age_h} before any run): the shape is the contract.
   */
  private static final ObjectMapper MAPPER =
      Json.create()
          .setDefaultPropertyInclusion(
              JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS));

  private final HealthRegistry health;
  private final Readiness readiness;

  public HealthRoutes(HealthRegistry health, Readiness readiness) {
    this.health = health;
    this.readiness = readiness;
  }

  @Override
  public void configure(JavalinConfig config) {
    config.routes.get("/health", this::health);
    config.routes.get("/ready", this::ready);
  }

  private void health(Context ctx) throws JsonProcessingException {
    HealthReport report = health.probe();
    ctx.status(report.unhealthy() ? 503 : 200);
    json(ctx, report.toJson());
  }

  private void ready(Context ctx) throws JsonProcessingException {
    List<String> reasons = readiness.notReadyReasons();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ready", reasons.isEmpty());
    body.put("reasons", reasons);
    ctx.status(reasons.isEmpty() ? 200 : 503);
    json(ctx, body);
  }

  private static void json(Context ctx, Object body) throws JsonProcessingException {
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("application/json").result(MAPPER.writeValueAsString(body));
  }
}
