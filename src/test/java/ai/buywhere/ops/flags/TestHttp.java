package ai.buywhere.ops.flags;

import ai.buywhere.api.ApiException;
import ai.buywhere.api.RouteModule;
import ai.buywhere.shared.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * A real Javalin app on port 0 with the given modules, mapping {@link ApiException} to the error
 * envelope the way the API server does, plus a tiny JSON HTTP client.
 */
final class TestHttp implements AutoCloseable {
  record Response(int status, JsonNode body) {}

  private final Javalin app;
  private final HttpClient client = HttpClient.newHttpClient();
  private volatile String principal;

  TestHttp(RouteModule... modules) {
    app =
        Javalin.create(
                config -> {
                  config.jsonMapper(new JavalinJackson(Json.mapper(), false));
                  config.routes.exception(
                      ApiException.class,
                      (e, ctx) ->
                          ctx.status(e.code().status())
                              .json(
                                  Map.of(
                                      "error",
                                      Map.of("code", e.code().wire(), "message", e.getMessage()))));
                  // stands in for the auth module, which sets the acting principal on /admin/*
                  config.routes.before(
                      "/admin/*",
                      ctx -> {
                        if (principal != null) {
                          ctx.attribute("principal", principal);
                        }
                      });
                  for (RouteModule m : modules) {
                    m.configure(config);
                  }
                })
            .start("127.0.0.1", 0);
  }

  void actAs(String name) {
    principal = name;
  }

  Response send(String method, String path, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json = r.body().isEmpty() ? null : Json.mapper().readTree(r.body());
    return new Response(r.statusCode(), json);
  }

  Response get(String path) throws Exception {
    return send("GET", path, null);
  }

  @Override
  public void close() {
    app.stop();
  }
}
