package ai.buywhere.ops.flags;

import ai.buywhere.api.ApiException;
import io.javalin.http.Handler;

/**
 * Route guards: a gated endpoint answers 404 while its flag is off, exactly as if it did not exist,
 * and comes back the moment the flag is on (checked per request, no restart). Use {@link #before}
 * for a path prefix ({@code config.routes.before("/v1/experimental/*", gate.before(flag))}) or
 * {@link #guard} around one handler. The flag must be registered (checked when the guard is built,
 * so a typo fails at start-up).
 */
public final class FeatureGate {
  private final FeatureFlags flags;

  public FeatureGate(FeatureFlags flags) {
    this.flags = flags;
  }

  /** A before-handler that ends the request with 404 while {@code flag} is off. */
  public Handler before(String flag) {
    String name = flags.registry().require(flag).name();
    return ctx -> check(name, ctx.path());
  }

  /** {@code handler}, answering 404 instead while {@code flag} is off. */
  public Handler guard(String flag, Handler handler) {
    String name = flags.registry().require(flag).name();
    return ctx -> {
      check(name, ctx.path());
      handler.handle(ctx);
    };
  }

  private void check(String flag, String path) {
    if (!flags.isEnabled(flag)) {
      throw ApiException.notFound("No such endpoint: " + path);
    }
  }
}
