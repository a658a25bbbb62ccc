package ai.buywhere.ops.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.api.ApiServer;
import ai.buywhere.app.Application;
import ai.buywhere.app.Settings;
import ai.buywhere.shared.Json;
import ai.buywhere.store.Dialect;
import ai.buywhere.store.TestDatabases;
import ai.buywhere.testsupport.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code /admin/incidents} over real HTTP: the real ApiServer on port 0, built by Application. */
class IncidentRoutesTest {
  static final String TOKEN = "incident-admin-token-0123456789";
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  record Res(int status, JsonNode body) {}

  Res call(ApiServer server, String method, String path, String body, String token)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Res(r.statusCode(), r.body().isEmpty() ? null : Json.mapper().readTree(r.body()));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void adminRoutesOverHttp(Dialect dialect) throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-04-23T04:00:00Z"));
    try (TestDatabases.Created db = TestDatabases.create(dialect, dir);
        Receiver receiver = new Receiver()) {
      Map<String, String> env = new HashMap<>();
      env.put("DATA_DIR", dir.toString());
      env.put("ADMIN_TOKEN", TOKEN);
      env.put("SLACK_WEBHOOK_URL", receiver.url("/slack"));
      if (dialect == Dialect.POSTGRESQL) {
        env.put("DATABASE_URL", db.config().jdbcUrl());
      }
      try (Application app = Application.open(Settings.of(env, Map.of()), clock)) {
        ApiServer server = app.apiServer("127.0.0.1", 0).start();
        try {
          assertThat(call(server, "GET", "/admin/incidents", null, null).status()).isEqualTo(401);
          assertThat(
                  call(
                          server,
                          "POST",
                          "/admin/incidents",
                          "{\"severity\":\"P1\",\"title\":\"x\"}",
                          "bw_nope")
                      .status())
              .isEqualTo(401);

          Res bad =
              call(
                  server,
                  "POST",
                  "/admin/incidents",
                  "{\"severity\":\"P9\",\"title\":\"x\"}",
                  TOKEN);
          assertThat(bad.status()).isEqualTo(400);
          assertThat(bad.body().at("/error/code").asText()).isEqualTo("invalid_params");
          assertThat(bad.body().at("/error/message").asText()).contains("severity");
          assertThat(call(server, "POST", "/admin/incidents", "[1]", TOKEN).status())
              .isEqualTo(400);
          assertThat(
                  call(
                          server,
                          "POST",
                          "/admin/incidents",
                          "{\"severity\":\"P2\",\"title\":7}",
                          TOKEN)
                      .body()
                      .at("/error/message")
                      .asText())
              .contains("title");

          Res opened =
              call(
                  server,
                  "POST",
                  "/admin/incidents",
                  "{\"severity\":\"P2\",\"title\":\"Search failing\",\"impact\":\"US search 5xx\"}",
                  TOKEN);
          assertThat(opened.status()).isEqualTo(201);
          JsonNode inc = opened.body().get("data");
          assertThat(inc.get("id").asText()).isEqualTo("INC-1");
          assertThat(inc.get("status").asText()).isEqualTo("open");
          assertThat(inc.at("/sla/acknowledge/due_at").asText()).isEqualTo("2026-04-23T04:15:00Z");
          assertThat(inc.at("/escalation/next/notify").asText()).isEqualTo("@ops-lead");
          assertThat(inc.at("/timeline/0/type").asText()).isEqualTo("opened");
          assertThat(inc.at("/timeline/0/actor").asText()).startsWith("admin_token:");
          // 00:00 EDT: the night shift is primary
          assertThat(inc.at("/timeline/1/message").asText())
              .isEqualTo("notified @ops-night-oncall (@primary)");

          call(
              server,
              "POST",
              "/admin/incidents",
              "{\"severity\":\"P4\",\"title\":\"Typo\"}",
              TOKEN);
          clock.advance(Duration.ofMinutes(3));
          Res acked = call(server, "POST", "/admin/incidents/INC-1/ack", null, TOKEN);
          assertThat(acked.status()).isEqualTo(200);
          assertThat(acked.body().at("/data/status").asText()).isEqualTo("acknowledged");
          assertThat(acked.body().at("/data/acknowledged_at").asText())
              .isEqualTo("2026-04-23T04:03:00Z");
          assertThat(acked.body().at("/data/escalation").has("next"))
              .isFalse(); // nulls are omitted on the wire
          Res again = call(server, "POST", "/admin/incidents/INC-1/ack", null, TOKEN);
          assertThat(again.status()).isEqualTo(409);
          assertThat(again.body().at("/error/code").asText()).isEqualTo("conflict");

          Res engaged =
              call(
                  server,
                  "POST",
                  "/admin/incidents/INC-1/engage",
                  "{\"commander\":\"@bolt\"}",
                  TOKEN);
          assertThat(engaged.body().at("/data/commander").asText()).isEqualTo("@bolt");
          assertThat(call(server, "POST", "/admin/incidents/INC-1/note", "{}", TOKEN).status())
              .isEqualTo(400);
          Res noted =
              call(
                  server,
                  "POST",
                  "/admin/incidents/INC-1/note",
                  "{\"text\":\"rolled back search\"}",
                  TOKEN);
          assertThat(noted.body().at("/data/timeline").toString()).contains("rolled back search");

          Res open = call(server, "GET", "/admin/incidents?status=open", null, TOKEN);
          assertThat(open.body().get("data")).hasSize(2);
          assertThat(call(server, "GET", "/admin/incidents?status=bogus", null, TOKEN).status())
              .isEqualTo(400);

          clock.advance(Duration.ofMinutes(20));
          Res resolved =
              call(
                  server,
                  "POST",
                  "/admin/incidents/INC-1/resolve",
                  "{\"resolution\":\"index rebuilt\"}",
                  TOKEN);
          assertThat(resolved.body().at("/data/status").asText()).isEqualTo("resolved");
          assertThat(
                  call(server, "GET", "/admin/incidents?status=open", null, TOKEN)
                      .body()
                      .get("data"))
              .hasSize(1);
          assertThat(
                  call(server, "GET", "/admin/incidents?status=resolved", null, TOKEN)
                      .body()
                      .at("/data/0/id")
                      .asText())
              .isEqualTo("INC-1");
          assertThat(call(server, "GET", "/admin/incidents", null, TOKEN).body().get("data"))
              .hasSize(2);
          Res one = call(server, "GET", "/admin/incidents/INC-1", null, TOKEN);
          assertThat(one.body().at("/data/timeline").findValuesAsText("type"))
              .containsExactly("opened", "notified", "acknowledged", "engaged", "note", "resolved");
          assertThat(call(server, "GET", "/admin/incidents/INC-77", null, TOKEN).status())
              .isEqualTo(404);
          assertThat(call(server, "POST", "/admin/incidents/INC-1/resolve", null, TOKEN).status())
              .isEqualTo(409);
          assertThat(receiver.posts).isNotEmpty();
        } finally {
          server.stop();
        }
      }
    }
  }
}
