package ai.buywhere.ops.incidents;

import ai.buywhere.api.ApiException;
import ai.buywhere.api.RouteModule;
import ai.buywhere.auth.Auth;
import ai.buywhere.auth.Principal;
import ai.buywhere.shared.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /admin/incidents[?status=open|acknowledged|engaged|resolved]} ({@code open} means not
 * yet resolved), {@code POST /admin/incidents}, {@code GET /admin/incidents/{id}}, {@code POST
 * /admin/incidents/{id}/ack|engage|note|resolve}. Admin access is enforced for {@code /admin/*} by
 * the auth module; the actor is the caller's principal ({@link Auth#PRINCIPAL_ATTRIBUTE}) or, for
 * admin tokens, the admin actor the auth module records in the audit log.
 */
final class IncidentRoutes implements RouteModule {
  /** Set by the auth module's admin guard on /admin/* (see docs/auth.md, audit log actor). */
  static final String ADMIN_ACTOR_ATTRIBUTE = "buywhere.admin.actor";

  private final IncidentService service;

  IncidentRoutes(IncidentService service) {
    this.service = service;
  }

  @Override
  public void configure(JavalinConfig config) {
    var r = config.routes;
    r.get("/admin/incidents", this::list);
    r.post("/admin/incidents", this::open);
    r.get("/admin/incidents/{id}", ctx -> data(ctx, service.get(ctx.pathParam("id"))));
    r.post(
        "/admin/incidents/{id}/ack",
        ctx -> data(ctx, service.acknowledge(ctx.pathParam("id"), actor(ctx))));
    r.post(
        "/admin/incidents/{id}/engage",
        ctx -> {
          JsonNode b = body(ctx, false);
          data(ctx, service.engage(ctx.pathParam("id"), actor(ctx), string(b, "commander")));
        });
    r.post(
        "/admin/incidents/{id}/note",
        ctx -> {
          JsonNode b = body(ctx, true);
          data(ctx, service.note(ctx.pathParam("id"), actor(ctx), string(b, "text")));
        });
    r.post(
        "/admin/incidents/{id}/resolve",
        ctx -> {
          JsonNode b = body(ctx, false);
          data(ctx, service.resolve(ctx.pathParam("id"), actor(ctx), string(b, "resolution")));
        });
  }

  private void list(Context ctx) {
    String status = ctx.queryParam("status");
    List<Incident> all;
    if (status == null || status.isEmpty()) {
      all = service.list(false);
    } else if (status.equals("open")) {
      all = service.list(true);
    } else if (List.of("acknowledged", "engaged", "resolved").contains(status)) {
      all = service.list(false).stream().filter(i -> i.status().wire().equals(status)).toList();
    } else {
      throw ApiException.invalid("status", "must be one of open, acknowledged, engaged, resolved");
    }
    ctx.json(Map.of("data", all.stream().map(IncidentViews::summary).toList()));
  }

  private void open(Context ctx) {
    JsonNode b = body(ctx, true);
    Incident i =
        service.open(string(b, "severity"), string(b, "title"), string(b, "impact"), actor(ctx));
    ctx.status(201);
    data(ctx, i);
  }

  private void data(Context ctx, Incident i) {
    ctx.json(Map.of("data", IncidentViews.full(i, service.policy())));
  }

  static String actor(Context ctx) {
    Object p = ctx.attribute(Auth.PRINCIPAL_ATTRIBUTE);
    if (p instanceof Principal principal) {
      return principal.keyId() == null ? principal.name() : "key:" + principal.keyId();
    }
    Object admin = ctx.attribute(ADMIN_ACTOR_ATTRIBUTE);
    return admin instanceof String s ? s : "admin";
  }

  private static JsonNode body(Context ctx, boolean required) {
    String raw = ctx.body();
    if (raw == null || raw.isBlank()) {
      if (required) {
        throw ApiException.invalid("body", "must be a JSON object");
      }
      return Json.mapper().createObjectNode();
    }
    try {
      JsonNode n = Json.mapper().readTree(raw);
      if (n == null || !n.isObject()) {
        throw ApiException.invalid("body", "must be a JSON object");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw ApiException.invalid("body", "is not valid JSON");
    }
  }

  private static String string(JsonNode b, String field) {
    JsonNode v = b.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw ApiException.invalid(field, "must be a string");
    }
    return v.asText();
  }
}
