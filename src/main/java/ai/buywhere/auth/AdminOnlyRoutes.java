package ai.buywhere.auth;

import ai.buywhere.api.RouteModule;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * Puts paths outside {@code /admin} behind the same admin check as {@code /admin/*} ({@link
 * AdminGuard}: admin token or admin-role key; none/invalid is 401, a customer key 403), e.g. the
 * status page when {@code STATUS_PAGE_REQUIRE_ADMIN=true}. Only the Authorization header is
 * accepted (never a query parameter, which would end up in access logs and browser history). These
 * are reads, so they are not written to the audit log.
 */
final class AdminOnlyRoutes implements RouteModule {
  private final AdminGuard guard;
  private final Authenticator authenticator;
  private final List<String> paths;

  AdminOnlyRoutes(AdminGuard guard, Authenticator authenticator, List<String> paths) {
    this.guard = guard;
    this.authenticator = authenticator;
    this.paths = List.copyOf(paths);
  }

  @Override
  public void configure(JavalinConfig javalin) {
    for (String path : paths) {
      javalin.routes.before(path, this::admit);
    }
  }

  private void admit(Context ctx) {
    if (ctx.method().name().equals("OPTIONS")) {
      return;
    }
    String ip = authenticator.clientIp(ctx.ip(), ctx.header("X-Forwarded-For"));
    guard.authorize(ctx.header("Authorization"), ip, ctx.path());
  }
}
