package ai.buywhere.ops.deploy;

import ai.buywhere.api.ApiException;
import ai.buywhere.api.ErrorCode;
import ai.buywhere.api.RouteModule;
import ai.buywhere.app.Settings;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Random;

/**
 * Test-only fault injection for the deployment checks (smoke test, deploy monitor, canary): adds
 * latency to, and fails a share of, {@code /v1/*} requests. Off unless {@code
 * FAULT_INJECTION_ENABLED=true}; when off, none of this is registered, so production cannot turn it
 * on at run time. Controlled through {@code PUT /admin/fault-injection {"latency_ms": 300,
 * "error_rate": 0.2}} (admin credential, like every /admin route) and cleared with {@code DELETE}.
 */
public final class FaultInjection implements RouteModule {
  private volatile int latencyMs;
  private volatile double errorRate;
  private final Random random = new Random(42);

  /** The module when enabled by settings, else null. */
  public static FaultInjection fromSettings(Settings settings) {
    return settings.getBoolean("FAULT_INJECTION_ENABLED", false) ? new FaultInjection() : null;
  }

  @Override
  public void configure(JavalinConfig config) {
    config.routes.before("/v1/*", this::inject);
    config.routes.put("/admin/fault-injection", this::set);
    config.routes.delete(
        "/admin/fault-injection",
        ctx -> {
          latencyMs = 0;
          errorRate = 0;
          ctx.json(state());
        });
    config.routes.get("/admin/fault-injection", ctx -> ctx.json(state()));
  }

  private Map<String, Object> state() {
    return Map.of("latency_ms", latencyMs, "error_rate", errorRate);
  }

  private void set(Context ctx) {
    Map<?, ?> body;
    try {
      body = ctx.bodyAsClass(Map.class);
    } catch (RuntimeException e) {
      throw ApiException.invalid("body", "must be a JSON object {latency_ms, error_rate}");
    }
    Object latency = body.get("latency_ms");
    Object rate = body.get("error_rate");
    if (latency != null
        && !(latency instanceof Number n && n.intValue() >= 0 && n.intValue() <= 60_000)) {
      throw ApiException.invalid(
          "latency_ms", "must be a whole number of milliseconds from 0 to 60000");
    }
    if (rate != null
        && !(rate instanceof Number r && r.doubleValue() >= 0 && r.doubleValue() <= 1)) {
      throw ApiException.invalid("error_rate", "must be a share from 0 to 1");
    }
    if (latency != null) {
      latencyMs = ((Number) latency).intValue();
    }
    if (rate != null) {
      errorRate = ((Number) rate).doubleValue();
    }
    ctx.json(state());
  }

  private void inject(Context ctx) throws InterruptedException {
    int delay = latencyMs;
    if (delay > 0) {
      Thread.sleep(delay);
    }
    double rate = errorRate;
    boolean fail;
    synchronized (random) {
      fail = rate > 0 && random.nextDouble() < rate;
    }
    if (fail) {
      throw new ApiException(
          ErrorCode.SERVICE_UNAVAILABLE, "Injected fault (FAULT_INJECTION_ENABLED)");
    }
  }
}
