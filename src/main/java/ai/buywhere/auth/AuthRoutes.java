package ai.buywhere.auth;

import ai.buywhere.api.ApiException;
import ai.buywhere.api.ErrorCode;
import ai.buywhere.api.RouteModule;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code /v1} guard and {@code POST /v1/auth/register}. The before-handler authenticates every
 * {@code /v1/*} request except register, spends its rate limit and sets the {@code X-RateLimit-*}
 * headers (kept on error responses too); the caller is available to routes as the context attribute
 * {@value #PRINCIPAL}. Register is limited per client IP ({@code REGISTER_LIMIT_PER_HOUR}, a fixed
 * hourly window) and only issues free-tier agent keys.
 */
final class AuthRoutes implements RouteModule {
  static final String PRINCIPAL = "buywhere.principal";
  static final String REGISTER_PATH = "/v1/auth/register";

  private final Authenticator authenticator;
  private final ApiKeyService keys;
  private final RateLimiter limiter;
  private final AuthConfig config;

  AuthRoutes(
      Authenticator authenticator, ApiKeyService keys, RateLimiter limiter, AuthConfig config) {
    this.authenticator = authenticator;
    this.keys = keys;
    this.limiter = limiter;
    this.config = config;
  }

  @Override
  public void configure(JavalinConfig javalin) {
    javalin.routes.before("/v1/*", this::guard);
    javalin.routes.post(REGISTER_PATH, this::register);
  }

  private void guard(Context ctx) {
    if (ctx.path().equals(REGISTER_PATH) || ctx.method().name().equals("OPTIONS")) {
      return;
    }
    String ip = authenticator.clientIp(ctx.ip(), ctx.header("X-Forwarded-For"));
    Admission a = authenticator.admit(ctx.header("Authorization"), ip, ctx.path());
    a.headers().forEach(ctx::header);
    ctx.attribute(PRINCIPAL, a.principal());
  }

  private void register(Context ctx) {
    JsonBody body = JsonBody.parse(ctx.body(), true);
    NewKey req =
        NewKey.validated(
            "agent_name",
            body.string("agent_name"),
            Tier.FREE,
            Role.AGENT,
            body.string("contact"),
            body.string("use_case"),
            null);
    String ip = authenticator.clientIp(ctx.ip(), ctx.header("X-Forwarded-For"));
    RateLimitDecision d =
        limiter.checkWindow("register:" + ip, config.registerPerHour(), Duration.ofHours(1));
    if (!d.allowed()) {
      throw new ApiException(
          ErrorCode.RATE_LIMITED,
          "Too many registrations from this address: at most "
              + config.registerPerHour()
              + " per hour; retry after "
              + d.retryAfterSeconds()
              + " s",
          d.headers());
    }
    IssuedKey issued = keys.create(req);
    d.headers().forEach(ctx::header);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("api_key", issued.secret());
    out.put("tier", issued.key().tier().wire());
    out.put("rate_limit", config.limitFor(Tier.FREE).toWire());
    ctx.status(201).json(out);
  }
}
