package ai.buywhere.auth;

import ai.buywhere.api.ApiJson;
import ai.buywhere.api.ApiServer;
import ai.buywhere.api.RouteModule;
import ai.buywhere.app.Settings;
import ai.buywhere.store.Database;
import ai.buywhere.store.Dialect;
import ai.buywhere.store.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real {@link ApiServer} on port 0 with the auth modules, over a real database, plus two probe
 * routes that stand in for other features: {@code GET /v1/probe} (a protected v1 route that echoes
 * the caller) and {@code POST /admin/probe} (another feature's admin route).
 */
final class AuthTestApp implements AutoCloseable {
  static final HttpClient HTTP = HttpClient.newHttpClient();

  final TestDatabases.Created created;
  final Database db;
  private final boolean ownsDb;
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final Auth auth;
  final ApiServer server;

  AuthTestApp(Dialect dialect, Path dir, Map<String, String> env, Clock clock) {
    this(TestDatabases.create(dialect, dir), env, clock);
  }

  private AuthTestApp(TestDatabases.Created created, Map<String, String> env, Clock clock) {
    this(created, Database.open(created.config(), "auth-test").migrate(), true, env, clock);
  }

  /** Another API node over the same database (which the caller closes). */
  static AuthTestApp node(Database db, Map<String, String> env, Clock clock) {
    return new AuthTestApp(null, db, false, env, clock);
  }

  private AuthTestApp(
      TestDatabases.Created created,
      Database db,
      boolean ownsDb,
      Map<String, String> env,
      Clock clock) {
    this.created = created;
    this.db = db;
    this.ownsDb = ownsDb;
    this.auth = Auth.create(AuthConfig.from(Settings.of(env, Map.of())), db, clock, registry);
    RouteModule probes =
        config -> {
          config.routes.get(
              "/v1/probe",
              ctx -> {
                Principal p = ctx.attribute(AuthRoutes.PRINCIPAL);
                ctx.json(
                    Map.of(
                        "name", p.name(), "anonymous", p.anonymous(), "client_ip", p.clientIp()));
              });
          config.routes.post("/admin/probe", ctx -> ctx.json(Map.of("ok", true)));
        };
    List<RouteModule> modules = new ArrayList<>(auth.routes());
    modules.add(probes);
    this.server = new ApiServer(ApiServer.Options.of("127.0.0.1", 0), modules).start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  HttpResponse<String> get(String path, String bearer) {
    return send(request(path, bearer, Map.of()).GET());
  }

  HttpResponse<String> post(String path, String bearer, String json) {
    return send(request(path, bearer, Map.of()).POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> send(String method, String path, Map<String, String> headers, String body) {
    HttpRequest.Builder b = request(path, null, headers);
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return send(b);
  }

  HttpRequest.Builder request(String path, String bearer, Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json");
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    headers.forEach(b::header);
    return b;
  }

  static HttpResponse<String> send(HttpRequest.Builder b) {
    try {
      return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> r) {
    try {
      return ApiJson.mapper().readTree(r.body());
    } catch (Exception e) {
      throw new IllegalStateException("not JSON: " + r.body(), e);
    }
  }

  /** Registers an agent over HTTP and returns the key. */
  String register(String name) {
    HttpResponse<String> r = post("/v1/auth/register", null, "{\"agent_name\":\"" + name + "\"}");
    if (r.statusCode() != 201) {
      throw new IllegalStateException("register failed: " + r.statusCode() + " " + r.body());
    }
    return json(r).get("api_key").asText();
  }

  @Override
  public void close() {
    server.stop();
    auth.close();
    if (ownsDb) {
      db.close();
      created.close();
    }
  }
}
