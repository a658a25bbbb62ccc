package ai.buywhere.ops.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.buywhere.api.ApiServer;
import ai.buywhere.app.Application;
import ai.buywhere.app.ConfigException;
import ai.buywhere.app.Settings;
import ai.buywhere.auth.NewKey;
import ai.buywhere.auth.Role;
import ai.buywhere.auth.Tier;
import ai.buywhere.store.Dialect;
import ai.buywhere.store.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code STATUS_PAGE_REQUIRE_ADMIN} over real HTTP through the real application graph and {@link
 * ApiServer}: off (the default) the status page and its JSON are open; on they take the same admin
 * credential as {@code /admin/*} (401 without or with a bad one, 403 for a customer key, 200 for
 * {@code ADMIN_TOKEN} or an admin-role key), and only they: {@code /metrics} and {@code /health}
 * stay open.
 */
class StatusPageAccessTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String ADMIN_TOKEN = "status-page-test-admin-token-0123456789";
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void openByDefault(Dialect dialect) throws Exception {
    try (TestDatabases.Created db = TestDatabases.create(dialect, dir);
        Application app = Application.open(Settings.of(env(dialect, db, null), Map.of()));
        ApiServer server = app.apiServer("127.0.0.1", 0).start()) {
      for (String path : List.of("/status", "/status.json")) {
        assertThat(get(server, path, null).statusCode()).as(path).isEqualTo(200);
      }
      assertThat(get(server, "/status.json", null).body()).contains("\"panels\"");
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void behindAdminWhenConfigured(Dialect dialect) throws Exception {
    try (TestDatabases.Created db = TestDatabases.create(dialect, dir);
        Application app = Application.open(Settings.of(env(dialect, db, "true"), Map.of()));
        ApiServer server = app.apiServer("127.0.0.1", 0).start()) {
      String customer = key(app, Role.AGENT);
      String adminKey = key(app, Role.ADMIN);
      for (String path : List.of("/status", "/status.json", "/status/")) {
        HttpResponse<String> none = get(server, path, null);
        assertThat(none.statusCode()).as(path).isEqualTo(401);
        assertThat(none.body()).contains("\"unauthorized\"").contains("Admin credential required");
        assertThat(none.body()).doesNotContain("panels").doesNotContain("<html");
        assertThat(get(server, path, "Bearer not-the-admin-token-at-all").statusCode())
            .as(path)
            .isEqualTo(401);
        HttpResponse<String> forbidden = get(server, path, "Bearer " + customer);
        assertThat(forbidden.statusCode()).as(path).isEqualTo(403);
        assertThat(forbidden.body()).contains("\"forbidden\"").doesNotContain("panels");
        assertThat(get(server, path, "Bearer " + ADMIN_TOKEN).statusCode()).as(path).isEqualTo(200);
        assertThat(get(server, path, "Bearer " + adminKey).statusCode()).as(path).isEqualTo(200);
      }
      // a token in the query string is not a credential
      assertThat(get(server, "/status.json?token=" + ADMIN_TOKEN, null).statusCode())
          .isEqualTo(401);
      assertThat(get(server, "/status.json", "Bearer " + ADMIN_TOKEN).body())
          .contains("\"panels\"");
      // only the status page: the other operational endpoints keep their own access
      assertThat(get(server, "/metrics", null).statusCode()).isEqualTo(200);
      assertThat(get(server, "/health", null).statusCode()).isIn(200, 503);
    }
  }

  @Test
  void invalidValueFailsStartUpNamingTheSetting() throws Exception {
    try (TestDatabases.Created db = TestDatabases.create(Dialect.SQLITE, dir);
        Application app =
            Application.open(Settings.of(env(Dialect.SQLITE, db, "sometimes"), Map.of()))) {
      assertThatThrownBy(() -> app.apiServer("127.0.0.1", 0))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("STATUS_PAGE_REQUIRE_ADMIN")
          .hasMessageContaining("sometimes");
    }
  }

  private Map<String, String> env(Dialect dialect, TestDatabases.Created db, String requireAdmin) {
    Map<String, String> env = new HashMap<>();
    env.put("DATA_DIR", dir.toString());
    env.put("ADMIN_TOKEN", ADMIN_TOKEN);
    env.put("INGEST_WORKERS", "0");
    if (requireAdmin != null) {
      env.put("STATUS_PAGE_REQUIRE_ADMIN", requireAdmin);
    }
    if (dialect == Dialect.POSTGRESQL) {
      env.put("DATABASE_URL", db.config().jdbcUrl());
    }
    return env;
  }

  private static String key(Application app, Role role) {
    return app.auth()
        .keys()
        .create(
            NewKey.validated("name", "status-" + role.wire(), Tier.LIVE, role, null, null, null))
        .secret();
  }

  private static HttpResponse<String> get(ApiServer server, String path, String authorization)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(10))
            .GET();
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
