package ai.buywhere.api;

import io.javalin.config.JavalinConfig;

/**
 * A feature's HTTP surface. Javalin 7 takes routes, before/after handlers and exception mappers up
 * front in the config block, so each feature contributes a module that the composition root hands
 * to {@link ApiServer}; the server applies the shared pieces (JSON, errors, request id, CORS) first
 * and then every module in order.
 */
@FunctionalInterface
public interface RouteModule {
  void configure(JavalinConfig config);
}
