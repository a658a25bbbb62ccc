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
import java.util.Optional;

/**
 * The flag admin API under {@code /admin/feature-flags}. Authentication is the auth module's job
 * (it guards {@code /admin/*} before these handlers run); the acting principal comes from the
 * {@code principal} context attribute. Unknown flag → 404, malformed body → 400; a rejected request
 * changes nothing.
 */
public final class FeatureFlagRoutes implements RouteModule {
  private static final String BASE = "/admin/feature-flags";
  private final FeatureFlags flags;

  public FeatureFlagRoutes(FeatureFlags flags) {
    this.flags = flags;
  }

  @Override
  public void configure(JavalinConfig config) {
    config.routes.get(BASE, this::list);
    config.routes.get(BASE + "/history/all", this::history);
    config.routes.post(BASE + "/override", this::override);
    config.routes.post(BASE + "/batch-update", this::batch);
    config.routes.delete(BASE + "/override/{flag}", this::clear);
    config.routes.get(BASE + "/{flag}", this::one);
    config.routes.get(BASE + "/{flag}/detailed", this::detailed);
  }

  private void list(Context ctx) {
    List<Map<String, Object>> out =
        flags.registry().all().stream()
            .map(
                d -> {
                  FlagState s = flags.state(d.name());
                  Map<String, Object> m = new LinkedHashMap<>(stateJson(s));
                  m.put("description", d.description());
                  m.put("default_value", d.defaultValue());
                  return m;
                })
            .toList();
    ctx.json(Map.of("flags", out, "count", out.size()));
  }

  private void one(Context ctx) {
    ctx.json(stateJson(flags.state(known(ctx.pathParam("flag")))));
  }

  private void detailed(Context ctx) {
    ctx.json(flags.detail(known(ctx.pathParam("flag"))));
  }

  private void override(Context ctx) {
    JsonNode body = RequestBodies.object(ctx);
    String flag = known(RequestBodies.requiredText(body, "flag"));
    boolean enabled = RequestBodies.requiredBoolean(body.get("enabled"), "enabled");
    String reason = RequestBodies.reason(body.get("reason"), "reason");
    FlagChange c = flags.setOverride(flag, enabled, AdminPrincipal.of(ctx), reason);
    ctx.json(changeJson(c));
  }

  /** Body {@code {"flags": {"name": true, …}, "reason": "…"}}; all or nothing. */
  private void batch(Context ctx) {
    JsonNode body = RequestBodies.object(ctx);
    JsonNode map = body.get("flags");
    if (map == null || !map.isObject() || map.isEmpty()) {
      throw ApiException.invalid("flags", "must be a non-empty object of flag name → true|false");
    }
    Map<String, Boolean> values = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = map.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      values.put(e.getKey(), RequestBodies.requiredBoolean(e.getValue(), "flags." + e.getKey()));
    }
    values.keySet().forEach(this::known);
    String reason = RequestBodies.reason(body.get("reason"), "reason");
    List<FlagChange> changes = flags.setOverrides(values, AdminPrincipal.of(ctx), reason);
    ctx.json(Map.of("updated", changes.stream().map(FeatureFlagRoutes::changeJson).toList()));
  }

  private void clear(Context ctx) {
    String flag = known(ctx.pathParam("flag"));
    Optional<FlagChange> c =
        flags.clearOverride(flag, AdminPrincipal.of(ctx), RequestBodies.reasonParam(ctx));
    Map<String, Object> out = new LinkedHashMap<>(stateJson(flags.state(flag)));
    out.put("cleared", c.isPresent());
    ctx.json(out);
  }

  private void history(Context ctx) {
    int limit = 100;
    String raw = ctx.queryParam("limit");
    if (raw != null) {
      try {
        limit = Integer.parseInt(raw);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > 1000) {
        throw ApiException.invalid("limit", "must be a whole number between 1 and 1000");
      }
    }
    String flag = ctx.queryParam("flag");
    List<Map<String, Object>> rows =
        flags.history(flag == null ? null : known(flag), limit).stream()
            .map(FeatureFlagRoutes::changeJson)
            .toList();
    ctx.json(Map.of("history", rows, "count", rows.size()));
  }

  /** The registered name, or 404. */
  private String known(String flag) {
    return flags
        .registry()
        .find(flag)
        .map(FlagDefinition::name)
        .orElseThrow(() -> ApiException.notFound("Unknown feature flag '" + flag + "'"));
  }

  static Map<String, Object> stateJson(FlagState s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("flag", s.flag());
    m.put("enabled", s.enabled());
    m.put("source", s.source().wire());
    return m;
  }

  static Map<String, Object> changeJson(FlagChange c) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (c.id() > 0) {
      m.put("id", c.id());
    }
    m.put("flag", c.flag());
    m.put("action", c.action());
    m.put("old_value", c.oldValue());
    m.put("new_value", c.newValue());
    m.put("changed_by", c.actor());
    m.put("reason", c.reason());
    m.put("changed_at", c.changedAt().toString());
    return m;
  }
}
