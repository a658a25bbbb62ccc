package ai.buywhere.auth;

import ai.buywhere.api.ApiException;
import ai.buywhere.api.RouteModule;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admin access for all of {@code /admin/*} (whichever feature owns the route) and the key and audit
 * endpoints: {@code GET|POST /admin/keys}, {@code GET /admin/keys/{id}}, {@code POST
 * /admin/keys/{id}/revoke} (also {@code DELETE /admin/keys/{id}}), {@code POST
 * /admin/keys/{id}/rotate}, {@code GET /admin/audit}.
 *
 * <p>The before-handler admits admin credentials only ({@link AdminGuard}); the after-handler
 * writes one audit entry per admitted admin request — including other features' admin routes —
 * except reads of the audit log itself.
 */
final class AdminRoutes implements RouteModule {
  private static final Logger log = LoggerFactory.getLogger(AdminRoutes.class);
  static final String ACTOR = "buywhere.admin.actor";
  private static final String IP = "buywhere.admin.ip";

  private final AdminGuard guard;
  private final Authenticator authenticator;
  private final ApiKeyService keys;
  private final AuditLog audit;
  private final Clock clock;

  AdminRoutes(
      AdminGuard guard,
      Authenticator authenticator,
      ApiKeyService keys,
      AuditLog audit,
      Clock clock) {
    this.guard = guard;
    this.authenticator = authenticator;
    this.keys = keys;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public void configure(JavalinConfig javalin) {
    var r = javalin.routes;
    r.before("/admin", this::admit);
    r.before("/admin/*", this::admit);
    r.after("/admin", this::record);
    r.after("/admin/*", this::record);
    r.get("/admin/keys", ctx -> ctx.json(Map.of("data", wire(keys.list()))));
    r.post("/admin/keys", this::create);
    r.get(
        "/admin/keys/{id}",
        ctx ->
            ctx.json(
                Map.of(
                    "data",
                    keys.find(ctx.pathParam("id"))
                        .orElseThrow(
                            () ->
                                ApiException.notFound("No API key with id " + ctx.pathParam("id")))
                        .toWire(clock.instant()))));
    r.post("/admin/keys/{id}/revoke", this::revoke);
    r.delete("/admin/keys/{id}", this::revoke);
    r.post("/admin/keys/{id}/rotate", this::rotate);
    r.get("/admin/audit", this::auditLog);
  }

  private void admit(Context ctx) {
    if (ctx.method().name().equals("OPTIONS")) {
      return;
    }
    String ip = authenticator.clientIp(ctx.ip(), ctx.header("X-Forwarded-For"));
    ctx.attribute(ACTOR, guard.authorize(ctx.header("Authorization"), ip, ctx.path()));
    ctx.attribute(IP, ip);
  }

  private void record(Context ctx) {
    String actor = ctx.attribute(ACTOR);
    if (actor == null || (ctx.method().name().equals("GET") && ctx.path().equals("/admin/audit"))) {
      return;
    }
    Endpoint matched = ctx.endpoints().lastHttpEndpoint();
    String route = matched == null ? ctx.path() : matched.path;
    try {
      audit.record(
          actor,
          ctx.method().name() + " " + route,
          ctx.path(),
          ctx.attribute(IP),
          ctx.statusCode(),
          ctx.queryString());
    } catch (RuntimeException e) {
      // the action has happened; the response stays as it is and the gap is loud in the log
      log.error(
          "could not write audit entry: actor={} action={} {} status={}",
          actor,
          ctx.method().name(),
          ctx.path(),
          ctx.statusCode(),
          e);
    }
  }

  private void create(Context ctx) {
    JsonBody body = JsonBody.parse(ctx.body(), true);
    Instant expires = null;
    String expiresAt = body.string("expires_at");
    Integer days = body.integer("expires_in_days", 1, 3650);
    if (expiresAt != null) {
      try {
        expires = Instant.parse(expiresAt);
      } catch (DateTimeParseException e) {
        throw ApiException.invalid("expires_at", "must be an ISO-8601 instant");
      }
    } else if (days != null) {
      expires = clock.instant().plus(Duration.ofDays(days));
    }
    String tier = body.string("tier");
    String role = body.string("role");
    NewKey req =
        NewKey.validated(
            "name",
            body.string("name"),
            tier == null ? Tier.FREE : Tier.parse("tier", tier),
            role == null ? Role.AGENT : Role.parse("role", role),
            body.string("contact"),
            body.string("use_case"),
            expires);
    ctx.status(201).json(Map.of("data", issued(keys.create(req))));
  }

  private void revoke(Context ctx) {
    ctx.json(Map.of("data", keys.revoke(ctx.pathParam("id")).toWire(clock.instant())));
  }

  private void rotate(Context ctx) {
    ctx.json(Map.of("data", issued(keys.rotate(ctx.pathParam("id")))));
  }

  private void auditLog(Context ctx) {
    int limit = intParam(ctx, "limit", 50, 1, 500);
    int offset = intParam(ctx, "offset", 0, 0, 1_000_000);
    List<Map<String, Object>> data =
        audit.list(limit, offset, ctx.queryParam("actor"), ctx.queryParam("action")).stream()
            .map(AuditEntry::toWire)
            .toList();
    ctx.json(Map.of("data", data, "meta", Map.of("limit", limit, "offset", offset)));
  }

  private Map<String, Object> issued(IssuedKey k) {
    Map<String, Object> m = k.key().toWire(clock.instant());
    m.put("api_key", k.secret());
    return m;
  }

  private List<Map<String, Object>> wire(List<ApiKey> list) {
    Instant now = clock.instant();
    return list.stream().map(k -> k.toWire(now)).toList();
  }

  private static int intParam(Context ctx, String name, int def, int min, int max) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return def;
    }
    try {
      int v = Integer.parseInt(raw.strip());
      if (v < min || v > max) {
        throw ApiException.invalid(name, "must be between " + min + " and " + max);
      }
      return v;
    } catch (NumberFormatException e) {
      throw ApiException.invalid(name, "must be a whole number");
    }
  }
}
