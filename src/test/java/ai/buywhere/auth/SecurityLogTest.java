package ai.buywhere.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.store.Dialect;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Security log lines: markers, prefix and IP, throttling, and never a secret. */
class SecurityLogTest {
  static final String ADMIN_TOKEN = "s3cret-admin-token-0123456789";
  static final String FILE_TOKEN = "s3cret-file-token-9876543210";

  @TempDir Path dir;

  @Test
  void failuresAreLoggedWithMarkersPrefixAndIpButNoSecretEver() throws Exception {
    Path tokenFile = dir.resolve("tokens");
    Files.writeString(tokenFile, FILE_TOKEN + "\n");
    TestClock clock = TestClock.at("2026-03-01T10:00:00Z");
    List<String> secrets = new ArrayList<>(List.of(ADMIN_TOKEN, FILE_TOKEN));
    try (LogCapture logs = new LogCapture();
        AuthTestApp app =
            new AuthTestApp(
                Dialect.SQLITE,
                dir,
                Map.of(
                    "ADMIN_TOKEN",
                    ADMIN_TOKEN,
                    "ADMIN_TOKEN_FILE",
                    tokenFile.toString(),
                    "REGISTER_LIMIT_PER_HOUR",
                    "100",
                    "RATE_LIMIT_FREE_RPM",
                    "2"),
                clock)) {
      String registered = app.register("agent");
      secrets.add(registered);
      IssuedKey revoked = app.auth.keys().create(NewKey.of("r", Tier.LIVE, Role.AGENT));
      secrets.add(revoked.secret());
      app.auth.keys().revoke(revoked.key().id());
      String unknown = "bw_live_" + "ab".repeat(16);
      secrets.add(unknown);
      String lookalike = "sk_live_this_is_someone_elses_secret";
      secrets.add(lookalike);

      // successes, 429s, and failures of every kind, on /v1 and /admin
      app.get("/v1/probe", registered);
      app.get("/v1/probe", registered);
      app.get("/v1/probe", registered);
      app.get("/v1/probe", revoked.secret());
      app.get("/v1/probe", unknown);
      app.get("/v1/probe", lookalike);
      app.get("/admin/keys", registered);
      app.get("/admin/keys", ADMIN_TOKEN + "x");
      app.get("/admin/keys", ADMIN_TOKEN);
      app.get("/admin/keys", FILE_TOKEN);
      var created = app.post("/admin/keys", ADMIN_TOKEN, "{\"name\":\"n\",\"role\":\"admin\"}");
      secrets.add(AuthTestApp.json(created).at("/data/api_key").asText());
      var rotated =
          app.post(
              "/admin/keys/" + AuthTestApp.json(created).at("/data/id").asText() + "/rotate",
              ADMIN_TOKEN,
              "");
      secrets.add(AuthTestApp.json(rotated).at("/data/api_key").asText());
      app.auth.keys().flushLastUsed();

      String all = logs.everything();
      for (String s : secrets) {
        assertThat(all).doesNotContain(s);
      }
      assertThat(all).doesNotContain(ADMIN_TOKEN.substring(0, 16));

      List<ILoggingEvent> unauthorized = logs.withMarker("UNAUTHORIZED");
      assertThat(unauthorized).hasSize(3);
      assertThat(unauthorized.get(0).getFormattedMessage())
          .contains(
              "reason=revoked",
              "key_prefix=" + revoked.key().displayPrefix(),
              "client_ip=127.0.0.1");
      assertThat(unauthorized.get(1).getFormattedMessage())
          .contains("reason=unknown", "key_prefix=bw_live_abab");
      assertThat(unauthorized.get(2).getFormattedMessage())
          .contains("reason=malformed", "key_prefix=-");
      List<ILoggingEvent> forbidden = logs.withMarker("FORBIDDEN");
      assertThat(forbidden).hasSize(2);
      assertThat(forbidden.get(0).getFormattedMessage())
          .contains("reason=not_admin", "key_prefix=" + registered.substring(0, 12));
      assertThat(forbidden.get(1).getFormattedMessage()).contains("reason=bad_admin_token");
    }
  }

  @Test
  void aRunOfFailuresFromOneIpIsThrottled() {
    TestClock clock = TestClock.at("2026-03-01T10:00:00Z");
    SecurityLog log = new SecurityLog(clock);
    try (LogCapture logs = new LogCapture()) {
      for (int i = 0; i < 50; i++) {
        log.unauthorized("unknown", "bw_free_0000", "203.0.113.5", "/v1/probe");
      }
      log.unauthorized("unknown", "bw_free_0000", "198.51.100.9", "/v1/probe");
      List<ILoggingEvent> lines = logs.withMarker("UNAUTHORIZED");
      assertThat(lines).hasSize(SecurityLog.BURST + 2);
      assertThat(lines.get(SecurityLog.BURST).getFormattedMessage()).contains("suppressing");
      assertThat(lines.get(SecurityLog.BURST + 1).getFormattedMessage()).contains("198.51.100.9");

      clock.advance(java.time.Duration.ofMinutes(1));
      log.unauthorized("unknown", "bw_free_0000", "203.0.113.5", "/v1/probe");
      List<ILoggingEvent> after = logs.withMarker("UNAUTHORIZED");
      assertThat(after).hasSize(SecurityLog.BURST + 3);
      assertThat(after.get(after.size() - 1).getFormattedMessage())
          .contains("suppressed 45 earlier failures");
    }
  }
}
