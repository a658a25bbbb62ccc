package ai.buywhere.auth;

import ai.buywhere.api.RouteModule;
import ai.buywhere.store.Database;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;

/**
 * The auth feature, built once by the composition root: keys, rate limiter, authenticator, audit
 * log and the HTTP modules. The modules of {@link #routes()} may be applied in any position among
 * the server's modules: Javalin runs every matching before-handler ahead of any endpoint, whatever
 * the registration order. {@link #close()} flushes last-used times and closes the Redis connection.
 */
public final class Auth implements AutoCloseable {
  /** Context attribute holding the {@link Principal} of an admitted {@code /v1} request. */
  public static final String PRINCIPAL_ATTRIBUTE = AuthRoutes.PRINCIPAL;

  private final AuthConfig config;
  private final ApiKeyService keys;
  private final RateLimiter limiter;
  private final Authenticator authenticator;
  private final AuditLog audit;
  private final List<RouteModule> routes;

  private Auth(AuthConfig config, Database db, Clock clock, MeterRegistry registry) {
    this.config = config;
    this.keys = new ApiKeyService(db, clock, config.keyCacheTtl(), config.lastUsedFlush());
    RedisBucketStore redis =
        config
            .redisUrl()
            .map(
                url ->
                    new RedisBucketStore(
                        url,
                        config.redisPrefix(),
                        config.redisTimeout(),
                        new ClockTimeMeter(clock)))
            .orElse(null);
    this.limiter = new RateLimiter(redis, clock, config.redisRetry(), registry);
    this.authenticator =
        new Authenticator(config, keys, limiter, new SecurityLog(clock), clock, registry);
    this.audit = new AuditLog(db, clock);
    AdminGuard guard =
        new AdminGuard(
            new AdminTokens(config.adminTokens(), config.adminTokenFile()),
            authenticator,
            registry);
    this.routes =
        List.of(
            new AuthRoutes(authenticator, keys, limiter, config),
            new AdminRoutes(guard, authenticator, keys, audit, clock));
  }

  public static Auth create(AuthConfig config, Database db, Clock clock, MeterRegistry registry) {
    return new Auth(config, db, clock, registry);
  }

  public AuthConfig config() {
    return config;
  }

  /** What {@code /mcp} (or any other protected surface) calls per request. */
  public Authenticator authenticator() {
    return authenticator;
  }

  public ApiKeyService keys() {
    return keys;
  }

  public RateLimiter rateLimiter() {
    return limiter;
  }

  public AuditLog audit() {
    return audit;
  }

  /** The {@code /v1} guard + register, and the {@code /admin} guard + key and audit routes. */
  public List<RouteModule> routes() {
    return routes;
  }

  @Override
  public void close() {
    keys.close();
    limiter.close();
  }
}
