package ai.buywhere.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.app.Application;
import ai.buywhere.app.Settings;
import ai.buywhere.auth.ApiKeyService;
import ai.buywhere.auth.AuditLog;
import ai.buywhere.auth.DemoKey;
import ai.buywhere.testsupport.CliRun;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code buywhere keys …} end to end on an embedded data dir, plus the demo key. */
class KeysCommandTest {
  @TempDir Path dir;

  CliRun.Result run(String... args) {
    return CliRun.run(dir, args);
  }

  static String field(String out, String name) {
    Matcher m = Pattern.compile(name + ":\\s+(\\S+)").matcher(out);
    assertThat(m.find()).as(name + " in " + out).isTrue();
    return m.group(1);
  }

  @Test
  void createListRotateRevoke() {
    CliRun.Result created =
        run("keys", "create", "--tier", "live", "--name", "ops bot", "--role", "admin");
    assertThat(created.exit()).as(created.err()).isZero();
    String id = field(created.out(), "id");
    String secret = field(created.out(), "api key");
    assertThat(secret).matches("bw_live_[0-9a-f]{32}");

    CliRun.Result list = run("keys", "list");
    assertThat(list.exit()).isZero();
    assertThat(list.out())
        .contains(id, secret.substring(0, 12), "live", "admin", "active", "ops bot")
        .doesNotContain(secret);

    CliRun.Result rotated = run("keys", "rotate", id);
    assertThat(rotated.exit()).isZero();
    assertThat(field(rotated.out(), "id")).isEqualTo(id);
    assertThat(field(rotated.out(), "api key")).isNotEqualTo(secret);

    assertThat(run("keys", "revoke", id).exit()).isZero();
    assertThat(run("keys", "list").out()).contains("revoked");
    CliRun.Result again = run("keys", "revoke", id);
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("already revoked");
    assertThat(run("keys", "revoke", "no-such-id").err()).contains("No API key");

    CliRun.Result bad = run("keys", "create", "--tier", "gold", "--name", "x");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).contains("--tier");

    try (Application app =
        Application.open(Settings.of(Map.of("DATA_DIR", dir.toString()), Map.of()))) {
      var actions =
          new AuditLog(app.database(), app.clock())
              .list(10, 0, null, null).stream().map(e -> e.action()).toList();
      assertThat(actions).containsExactly("keys revoke", "keys rotate", "keys create");
    }
  }

  @Test
  void demoKeyIsCreatedOnceReusedAndReplacedWhenRevoked() {
    try (Application app =
            Application.open(Settings.of(Map.of("DATA_DIR", dir.toString()), Map.of()));
        ApiKeyService keys = ApiKeyService.open(app.database(), app.clock())) {
      String first = DemoKey.ensure(keys, dir);
      assertThat(first).startsWith("bw_live_");
      assertThat(DemoKey.ensure(keys, dir)).isEqualTo(first);
      assertThat(keys.list()).hasSize(1);
      keys.revoke(keys.list().get(0).id());
      String second = DemoKey.ensure(keys, dir);
      assertThat(second).isNotEqualTo(first);
      assertThat(keys.active(second)).isPresent();
    }
  }
}
