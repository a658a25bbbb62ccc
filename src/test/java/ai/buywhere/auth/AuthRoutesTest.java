package ai.buywhere.auth;

import static ai.buywhere.auth.AuthTestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.store.Dialect;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Registration, Bearer authentication and per-key rate limits over real HTTP. */
class AuthRoutesTest {
  @TempDir Path dir;
  final TestClock clock = TestClock.at("2026-03-01T10:00:00Z");

  AuthTestApp app(Dialect dialect, Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(Map.of("REGISTER_LIMIT_PER_HOUR", "1000"));
    env.putAll(extra);
    return new AuthTestApp(dialect, dir, env, clock);
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void registerIssuesAFreeKeyThatIsStoredOnlyAsAHash(Dialect dialect) {
    try (AuthTestApp app = app(dialect, Map.of())) {
      HttpResponse<String> r =
          app.post(
              "/v1/auth/register",
              null,
              "{\"agent_name\":\"shopping-copilot\",\"contact\":\"dev@example.com\","
                  + "\"use_case\":\"Price comparison\"}");
      assertThat(r.statusCode()).isEqualTo(201);
      JsonNode body = json(r);
      String key = body.get("api_key").asText();
      assertThat(key).matches("bw_free_[0-9a-f]{32}");
      assertThat(body.get("tier").asText()).isEqualTo("free");
      assertThat(body.at("/rate_limit/rpm").asInt()).isEqualTo(60);
      assertThat(body.at("/rate_limit/daily").asInt()).isEqualTo(1000);
      assertThat(r.headers().firstValue("X-RateLimit-Limit")).hasValue("1000");
      assertThat(r.headers().firstValue("X-RateLimit-Remaining")).hasValue("999");
      // the hourly window refills in full an hour after it started
      assertThat(r.headers().firstValue("X-RateLimit-Reset")).hasValue("3600");

      List<Map<String, Object>> rows =
          app.db.jdbi().withHandle(h -> h.createQuery("SELECT * FROM api_keys").mapToMap().list());
      assertThat(rows).hasSize(1);
      assertThat(rows.get(0).toString()).doesNotContain(key);
      assertThat(rows.get(0).get("key_hash")).isEqualTo(KeySecrets.hash(key));
      assertThat(rows.get(0).get("display_prefix")).isEqualTo(key.substring(0, 12));

      HttpResponse<String> ok = app.get("/v1/probe", key);
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(json(ok).get("name").asText()).isEqualTo("shopping-copilot");
      assertThat(ok.headers().firstValue("X-RateLimit-Limit")).hasValue("60");
      assertThat(ok.headers().firstValue("X-RateLimit-Remaining")).hasValue("59");
      assertThat(ok.headers().firstValue("X-RateLimit-Reset")).hasValue("1");
    }
  }

  @Test
  void badRegistrationsAre400NamingTheFieldAndCreateNothing() {
    try (AuthTestApp app = app(Dialect.SQLITE, Map.of())) {
      Map<String, String> cases =
          Map.of(
              "{}",
              "agent_name",
              "{\"agent_name\":\"   \"}",
              "agent_name",
              "{\"agent_name\":\"" + "x".repeat(201) + "\"}",
              "agent_name",
              "{\"agent_name\":42}",
              "agent_name",
              "{\"agent_name\":\"a\",\"contact\":\"not-an-email\"}",
              "contact",
              "{not json",
              "body",
              "[1,2]",
              "body");
      cases.forEach(
          (body, field) -> {
            HttpResponse<String> r = app.post("/v1/auth/register", null, body);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(json(r).at("/error/code").asText()).isEqualTo("invalid_params");
            assertThat(json(r).at("/error/message").asText()).as(body).contains(field);
          });
      assertThat(app.auth.keys().list()).isEmpty();
    }
  }

  @Test
  void registrationIsLimitedPerClientIpHonouringOnlyTrustedProxies() {
    try (AuthTestApp app =
        app(
            Dialect.SQLITE,
            Map.of("REGISTER_LIMIT_PER_HOUR", "5", "TRUSTED_PROXIES", "127.0.0.1/32"))) {
      String body = "{\"agent_name\":\"a\"}";
      Map<String, String> fromA = Map.of("X-Forwarded-For", "203.0.113.7");
      for (int i = 0; i < 5; i++) {
        assertThat(app.send("POST", "/v1/auth/register", fromA, body).statusCode()).isEqualTo(201);
      }
      HttpResponse<String> sixth = app.send("POST", "/v1/auth/register", fromA, body);
      assertThat(sixth.statusCode()).isEqualTo(429);
      assertThat(json(sixth).at("/error/code").asText()).isEqualTo("rate_limited");
      assertThat(Long.parseLong(sixth.headers().firstValue("Retry-After").orElseThrow()))
          .isBetween(1L, 3600L);
      // another client behind the same proxy has its own allowance
      Map<String, String> fromB = Map.of("X-Forwarded-For", "198.51.100.1, 203.0.113.9");
      assertThat(app.send("POST", "/v1/auth/register", fromB, body).statusCode()).isEqualTo(201);
      // after the hour, A may register again
      clock.advance(Duration.ofMinutes(61));
      assertThat(app.send("POST", "/v1/auth/register", fromA, body).statusCode()).isEqualTo(201);
    }
    // without trusted proxies the header is ignored: every request is the peer's
    try (AuthTestApp app = app(Dialect.SQLITE, Map.of("REGISTER_LIMIT_PER_HOUR", "2"))) {
      String body = "{\"agent_name\":\"a\"}";
      for (int i = 0; i < 2; i++) {
        var h = Map.of("X-Forwarded-For", "10.0.0." + i);
        assertThat(app.send("POST", "/v1/auth/register", h, body).statusCode()).isEqualTo(201);
      }
      var h = Map.of("X-Forwarded-For", "10.0.0.99");
      assertThat(app.send("POST", "/v1/auth/register", h, body).statusCode()).isEqualTo(429);
    }
  }

  @Test
  void everyKindOfBadCredentialIs401WithItsOwnMessage() {
    try (AuthTestApp app = app(Dialect.SQLITE, Map.of())) {
      String good = app.register("agent");
      IssuedKey revoked = app.auth.keys().create(NewKey.of("r", Tier.FREE, Role.AGENT));
      app.auth.keys().revoke(revoked.key().id());
      IssuedKey expiring =
          app.auth
              .keys()
              .create(
                  NewKey.validated(
                      "name",
                      "e",
                      Tier.LIVE,
                      Role.AGENT,
                      null,
                      null,
                      clock.instant().plus(Duration.ofHours(1))));
      assertThat(app.get("/v1/probe", expiring.secret()).statusCode()).isEqualTo(200);
      clock.advance(Duration.ofHours(2));

      Map<String, HttpResponse<String>> responses = new java.util.LinkedHashMap<>();
      responses.put("missing", app.get("/v1/probe", null));
      responses.put(
          "malformed", app.send("GET", "/v1/probe", Map.of("Authorization", "Basic abc"), null));
      responses.put("malformed2", app.get("/v1/probe", "bw_free_123"));
      responses.put("unknown", app.get("/v1/probe", "bw_free_" + "0".repeat(32)));
      responses.put("revoked", app.get("/v1/probe", revoked.secret()));
      responses.put("expired", app.get("/v1/probe", expiring.secret()));
      responses.forEach(
          (k, r) -> {
            assertThat(r.statusCode()).as(k).isEqualTo(401);
            assertThat(json(r).at("/error/code").asText()).as(k).isEqualTo("unauthorized");
          });
      assertThat(
              responses.entrySet().stream()
                  .filter(e -> !e.getKey().equals("malformed2"))
                  .map(e -> json(e.getValue()).at("/error/message").asText())
                  .distinct())
          .hasSize(5);
      assertThat(json(responses.get("expired")).at("/error/message").asText()).contains("expired");
      assertThat(json(responses.get("revoked")).at("/error/message").asText()).contains("revoked");
      assertThat(app.get("/v1/probe", good).statusCode()).isEqualTo(200);
      // the register route itself needs no key
      assertThat(app.post("/v1/auth/register", null, "{\"agent_name\":\"x\"}").statusCode())
          .isEqualTo(201);
      assertThat(app.registry.counter("auth_failures_total", "reason", "revoked").count())
          .isEqualTo(1.0);
    }
  }

  @Test
  void perMinuteBucketAndDailyQuotaGive429WithRetryAfterAndHeadersOnEveryResponse() {
    try (AuthTestApp app =
        app(Dialect.SQLITE, Map.of("RATE_LIMIT_FREE_RPM", "3", "RATE_LIMIT_FREE_DAILY", "5"))) {
      String key = app.register("a");
      for (int i = 2; i >= 0; i--) {
        HttpResponse<String> r = app.get("/v1/probe", key);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(i));
      }
      HttpResponse<String> limited = app.get("/v1/probe", key);
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(json(limited).at("/error/code").asText()).isEqualTo("rate_limited");
      assertThat(limited.headers().firstValue("Retry-After")).hasValue("20");
      assertThat(limited.headers().firstValue("X-RateLimit-Limit")).hasValue("3");
      assertThat(limited.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
      assertThat(limited.headers().firstValue("X-Request-Id")).isPresent();

      // a 404 under /v1 is still counted and still carries the headers
      clock.advance(Duration.ofSeconds(20));
      HttpResponse<String> notFound = app.get("/v1/nothing-here", key);
      assertThat(notFound.statusCode()).isEqualTo(404);
      assertThat(notFound.headers().firstValue("X-RateLimit-Limit")).hasValue("3");

      // daily quota: 4 used; one more after a minute, then the day is over until UTC midnight
      clock.advance(Duration.ofMinutes(1));
      assertThat(app.get("/v1/probe", key).statusCode()).isEqualTo(200);
      HttpResponse<String> daily = app.get("/v1/probe", key);
      assertThat(daily.statusCode()).isEqualTo(429);
      long untilMidnight =
          Duration.between(clock.instant(), Instant.parse("2026-03-02T00:00:00Z")).toSeconds();
      assertThat(Long.parseLong(daily.headers().firstValue("Retry-After").orElseThrow()))
          .isBetween(untilMidnight - 1, untilMidnight + 1);
      clock.advance(Duration.ofSeconds(untilMidnight + 1));
      assertThat(app.get("/v1/probe", key).statusCode()).isEqualTo(200);
      assertThat(app.registry.counter("rate_limit_rejected_total").count()).isEqualTo(2.0);
    }
  }

  @Test
  void partnerTierIsUnlimited() {
    try (AuthTestApp app = app(Dialect.SQLITE, Map.of("RATE_LIMIT_PARTNER_RPM", "0"))) {
      IssuedKey k = app.auth.keys().create(NewKey.of("p", Tier.PARTNER, Role.AGENT));
      for (int i = 0; i < 100; i++) {
        assertThat(app.get("/v1/probe", k.secret()).statusCode()).isEqualTo(200);
      }
      assertThat(app.get("/v1/probe", k.secret()).headers().firstValue("X-RateLimit-Limit"))
          .hasValue("unlimited");
    }
  }

  @Test
  void anonymousAccessIsOffByDefaultAndHasItsOwnSmallLimitWhenOn() {
    try (AuthTestApp app = app(Dialect.SQLITE, Map.of())) {
      assertThat(app.get("/v1/probe", null).statusCode()).isEqualTo(401);
    }
    try (AuthTestApp app =
        app(Dialect.SQLITE, Map.of("ANONYMOUS_ACCESS", "true", "ANONYMOUS_RPM", "2"))) {
      HttpResponse<String> first = app.get("/v1/probe", null);
      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(json(first).get("anonymous").asBoolean()).isTrue();
      assertThat(first.headers().firstValue("X-RateLimit-Limit")).hasValue("2");
      assertThat(app.get("/v1/probe", null).statusCode()).isEqualTo(200);
      assertThat(app.get("/v1/probe", null).statusCode()).isEqualTo(429);
      // a key still gets its tier's limit, and a bad key is still refused
      String key = app.register("k");
      assertThat(app.get("/v1/probe", key).headers().firstValue("X-RateLimit-Limit"))
          .hasValue("60");
      assertThat(app.get("/v1/probe", "bw_free_" + "1".repeat(32)).statusCode()).isEqualTo(401);
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void rotationKeepsIdentityAndUsageAndLastUsedIsWrittenInBatches(Dialect dialect) {
    try (AuthTestApp app =
        app(dialect, Map.of("RATE_LIMIT_LIVE_RPM", "3", "KEY_LAST_USED_FLUSH_SECONDS", "3600"))) {
      IssuedKey k = app.auth.keys().create(NewKey.of("rot", Tier.LIVE, Role.AGENT));
      assertThat(app.get("/v1/probe", k.secret()).statusCode()).isEqualTo(200);
      assertThat(app.get("/v1/probe", k.secret()).statusCode()).isEqualTo(200);
      // no write per request: nothing in the table until the batch is flushed
      assertThat(app.auth.keys().find(k.key().id()).orElseThrow().lastUsedAt()).isNull();
      app.auth.keys().flushLastUsed();
      assertThat(app.auth.keys().find(k.key().id()).orElseThrow().lastUsedAt())
          .isEqualTo(clock.instant());

      IssuedKey rotated = app.auth.keys().rotate(k.key().id());
      assertThat(rotated.key().id()).isEqualTo(k.key().id());
      assertThat(rotated.secret()).isNotEqualTo(k.secret()).startsWith("bw_live_");
      HttpResponse<String> old = app.get("/v1/probe", k.secret());
      assertThat(old.statusCode()).isEqualTo(401);
      assertThat(json(old).at("/error/message").asText()).isEqualTo("Unknown API key");
      assertThat(app.get("/v1/probe", rotated.secret()).statusCode()).isEqualTo(200);
      assertThat(app.get("/v1/probe", rotated.secret()).statusCode()).isEqualTo(429);
    }
  }
}
