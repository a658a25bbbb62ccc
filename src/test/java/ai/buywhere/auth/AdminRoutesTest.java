package ai.buywhere.auth;

import static ai.buywhere.auth.AuthTestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.store.Dialect;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Admin credentials, token rotation without restart, /admin/keys and the audit log. */
class AdminRoutesTest {
  static final String TOKEN_A = "admin-token-aaaaaaaaaaaaaaaa";
  static final String TOKEN_B = "admin-token-bbbbbbbbbbbbbbbb";
  static final String TOKEN_C = "admin-token-cccccccccccccccc";

  @TempDir Path dir;
  final TestClock clock = TestClock.at("2026-03-01T10:00:00Z");

  @Test
  void onlyAdminCredentialsReachAdminRoutes() {
    try (AuthTestApp app =
        new AuthTestApp(
            Dialect.SQLITE, dir, Map.of("ADMIN_TOKEN", TOKEN_A + "," + TOKEN_B), clock)) {
      IssuedKey customer = app.auth.keys().create(NewKey.of("c", Tier.LIVE, Role.AGENT));
      IssuedKey admin = app.auth.keys().create(NewKey.of("ops", Tier.FREE, Role.ADMIN));

      HttpResponse<String> none = app.get("/admin/keys", null);
      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(json(none).at("/error/code").asText()).isEqualTo("unauthorized");
      assertThat(app.get("/admin/keys", "wrong-token-but-long-enough").statusCode()).isEqualTo(401);
      assertThat(app.get("/admin/keys", TOKEN_A.substring(0, TOKEN_A.length() - 1)).statusCode())
          .isEqualTo(401);
      HttpResponse<String> cust = app.get("/admin/keys", customer.secret());
      assertThat(cust.statusCode()).isEqualTo(403);
      assertThat(json(cust).at("/error/code").asText()).isEqualTo("forbidden");
      assertThat(app.post("/admin/probe", customer.secret(), "{}").statusCode()).isEqualTo(403);

      // both configured tokens are active at once, and an admin-role key works too
      assertThat(app.get("/admin/keys", TOKEN_A).statusCode()).isEqualTo(200);
      assertThat(app.get("/admin/keys", TOKEN_B).statusCode()).isEqualTo(200);
      assertThat(app.get("/admin/keys", admin.secret()).statusCode()).isEqualTo(200);
      assertThat(app.post("/admin/probe", admin.secret(), "{}").statusCode()).isEqualTo(200);

      // a revoked admin key is refused
      app.auth.keys().revoke(admin.key().id());
      assertThat(app.get("/admin/keys", admin.secret()).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void noAdminCredentialConfiguredMeansNoAdminAccess() {
    try (AuthTestApp app = new AuthTestApp(Dialect.SQLITE, dir, Map.of(), clock)) {
      assertThat(app.get("/admin/keys", "anything-at-all-long").statusCode()).isEqualTo(401);
      assertThat(app.get("/admin/keys", "").statusCode()).isEqualTo(401);
    }
  }

  @Test
  void tokenFileIsReReadSoTokensRotateWithoutRestart() throws Exception {
    Path file = dir.resolve("admin-tokens");
    Files.writeString(file, "# current\n" + TOKEN_A + "\n");
    try (AuthTestApp app =
        new AuthTestApp(Dialect.SQLITE, dir, Map.of("ADMIN_TOKEN_FILE", file.toString()), clock)) {
      assertThat(app.get("/admin/keys", TOKEN_A).statusCode()).isEqualTo(200);
      assertThat(app.get("/admin/keys", TOKEN_B).statusCode()).isEqualTo(401);

      // step 1: add the new token next to the old one
      rewrite(file, TOKEN_A + "," + TOKEN_B + "\n");
      assertThat(app.get("/admin/keys", TOKEN_A).statusCode()).isEqualTo(200);
      assertThat(app.get("/admin/keys", TOKEN_B).statusCode()).isEqualTo(200);

      // step 2: drop the old one
      rewrite(file, TOKEN_C + "\n");
      assertThat(app.get("/admin/keys", TOKEN_A).statusCode()).isEqualTo(401);
      assertThat(app.get("/admin/keys", TOKEN_B).statusCode()).isEqualTo(401);
      assertThat(app.get("/admin/keys", TOKEN_C).statusCode()).isEqualTo(200);

      // a deleted file revokes its tokens
      Files.delete(file);
      assertThat(app.get("/admin/keys", TOKEN_C).statusCode()).isEqualTo(401);
    }
  }

  /**
   * Rewrites the file and moves its mtime on (file-system timestamps can be coarser than a test).
   */
  private static int generation = 1;

  private static void rewrite(Path file, String content) throws Exception {
    Files.writeString(file, content);
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(generation++)));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void keyAdministrationOverHttpIsAudited(Dialect dialect) {
    try (AuthTestApp app = new AuthTestApp(dialect, dir, Map.of("ADMIN_TOKEN", TOKEN_A), clock)) {
      HttpResponse<String> created =
          app.post(
              "/admin/keys",
              TOKEN_A,
              "{\"name\":\"partner-x\",\"tier\":\"partner\",\"expires_in_days\":30}");
      assertThat(created.statusCode()).isEqualTo(201);
      JsonNode data = json(created).get("data");
      String id = data.get("id").asText();
      String secret = data.get("api_key").asText();
      assertThat(secret).startsWith("bw_partner_");
      assertThat(data.get("status").asText()).isEqualTo("active");
      assertThat(data.get("expires_at").asText()).isEqualTo("2026-03-31T10:00:00Z");
      assertThat(app.get("/v1/probe", secret).statusCode()).isEqualTo(200);

      HttpResponse<String> list = app.get("/admin/keys", TOKEN_A);
      assertThat(list.body()).contains(id).doesNotContain(secret);
      assertThat(json(list).get("data").get(0).get("key_prefix").asText())
          .isEqualTo(secret.substring(0, 15));

      HttpResponse<String> bad =
          app.post("/admin/keys", TOKEN_A, "{\"name\":\"x\",\"tier\":\"gold\"}");
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(json(bad).at("/error/message").asText()).contains("tier");

      HttpResponse<String> rotated = app.post("/admin/keys/" + id + "/rotate", TOKEN_A, "");
      assertThat(rotated.statusCode()).isEqualTo(200);
      String newSecret = json(rotated).at("/data/api_key").asText();
      assertThat(app.get("/v1/probe", secret).statusCode()).isEqualTo(401);
      assertThat(app.get("/v1/probe", newSecret).statusCode()).isEqualTo(200);

      assertThat(app.post("/admin/keys/" + id + "/revoke", TOKEN_A, "").statusCode())
          .isEqualTo(200);
      assertThat(json(app.get("/v1/probe", newSecret)).at("/error/message").asText())
          .isEqualTo("API key has been revoked");
      assertThat(app.post("/admin/keys/" + id + "/revoke", TOKEN_A, "").statusCode())
          .isEqualTo(409);
      assertThat(
              app.send(
                      "DELETE",
                      "/admin/keys/nope",
                      Map.of("Authorization", "Bearer " + TOKEN_A),
                      null)
                  .statusCode())
          .isEqualTo(404);
      assertThat(app.post("/admin/probe", TOKEN_A, "{}").statusCode()).isEqualTo(200);
      // a refused request is not an admin action
      assertThat(app.post("/admin/probe", "not-the-admin-token", "{}").statusCode()).isEqualTo(401);

      HttpResponse<String> audit = app.get("/admin/audit?limit=20", TOKEN_A);
      assertThat(audit.statusCode()).isEqualTo(200);
      List<String> actions = new ArrayList<>();
      json(audit)
          .get("data")
          .forEach(e -> actions.add(e.get("action").asText() + " " + e.get("status").asInt()));
      assertThat(actions)
          .containsExactly(
              "POST /admin/probe 200",
              "DELETE /admin/keys/{id} 404",
              "POST /admin/keys/{id}/revoke 409",
              "POST /admin/keys/{id}/revoke 200",
              "POST /admin/keys/{id}/rotate 200",
              "POST /admin/keys 400",
              "GET /admin/keys 200",
              "POST /admin/keys 201");
      JsonNode first = json(audit).get("data").get(0);
      String fingerprint = KeySecrets.hash(TOKEN_A).substring(0, 8);
      assertThat(first.get("actor").asText()).isEqualTo("admin_token:" + fingerprint);
      assertThat(first.get("client_ip").asText()).isEqualTo("127.0.0.1");
      assertThat(first.get("at").asText()).isEqualTo("2026-03-01T10:00:00Z");
      assertThat(json(audit).get("data").get(4).get("target").asText())
          .isEqualTo("/admin/keys/" + id + "/rotate");
      assertThat(audit.body()).doesNotContain(TOKEN_A).doesNotContain(newSecret);

      HttpResponse<String> filtered =
          app.get("/admin/audit?action=POST%20/admin/keys%2F%7Bid%7D/rotate", TOKEN_A);
      assertThat(json(filtered).get("data")).hasSize(1);
      assertThat(app.get("/admin/audit?limit=0", TOKEN_A).statusCode()).isEqualTo(400);
    }
  }
}
