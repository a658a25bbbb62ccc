package ai.buywhere.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.buywhere.app.ConfigException;
import ai.buywhere.app.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthConfigTest {
  @TempDir Path dir;

  static AuthConfig config(Map<String, String> env) {
    return AuthConfig.from(Settings.of(env, Map.of()));
  }

  @Test
  void defaultsFollowTheIssue() {
    AuthConfig c = config(Map.of());
    assertThat(c.limitFor(Tier.FREE)).isEqualTo(new RateLimit(60, 1_000));
    assertThat(c.limitFor(Tier.LIVE)).isEqualTo(new RateLimit(600, 100_000));
    assertThat(c.limitFor(Tier.PARTNER).unlimited()).isTrue();
    assertThat(c.registerPerHour()).isEqualTo(5);
    assertThat(c.anonymousAccess()).isFalse();
    assertThat(c.adminTokens()).isEmpty();
    assertThat(c.redisUrl()).isEmpty();
  }

  @Test
  void tiersAreConfigurable() {
    AuthConfig c = config(Map.of("RATE_LIMIT_FREE_RPM", "10", "RATE_LIMIT_PARTNER_DAILY", "7"));
    assertThat(c.limitFor(Tier.FREE)).isEqualTo(new RateLimit(10, 1_000));
    assertThat(c.limitFor(Tier.PARTNER)).isEqualTo(new RateLimit(0, 7));
  }

  @Test
  void badValuesFailNamingTheSetting() throws Exception {
    Map<Map<String, String>, String> cases =
        Map.of(
            Map.of("RATE_LIMIT_FREE_RPM", "lots"), "RATE_LIMIT_FREE_RPM",
            Map.of("RATE_LIMIT_LIVE_DAILY", "-1"), "RATE_LIMIT_LIVE_DAILY",
            Map.of("ADMIN_TOKEN", "short"), "ADMIN_TOKEN",
            Map.of("ADMIN_TOKEN_FILE", dir.resolve("missing").toString()), "ADMIN_TOKEN_FILE",
            Map.of("TRUSTED_PROXIES", "proxy.example.com"), "TRUSTED_PROXIES",
            Map.of("TRUSTED_PROXIES", "10.0.0.0/33"), "TRUSTED_PROXIES",
            Map.of("REDIS_URL", "http://x"), "REDIS_URL",
            Map.of("ANONYMOUS_ACCESS", "maybe"), "ANONYMOUS_ACCESS",
            Map.of("REGISTER_LIMIT_PER_HOUR", "0"), "REGISTER_LIMIT_PER_HOUR");
    cases.forEach(
        (env, setting) ->
            assertThatThrownBy(() -> config(env))
                .as(setting)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(setting));
    Path shortTokens = dir.resolve("tokens");
    Files.writeString(shortTokens, "tiny\n");
    assertThatThrownBy(() -> config(Map.of("ADMIN_TOKEN_FILE", shortTokens.toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ADMIN_TOKEN_FILE");
  }

  @Test
  void toStringNeverShowsAdminTokens() {
    AuthConfig c =
        config(
            Map.of(
                "ADMIN_TOKEN", "abcdefghijklmnopqrstuvwxyz",
                "REDIS_URL", "redis://user:pa55word@redis:6379"));
    assertThat(c.toString()).doesNotContain("abcdefghijklmnop").doesNotContain("pa55word");
  }
}
