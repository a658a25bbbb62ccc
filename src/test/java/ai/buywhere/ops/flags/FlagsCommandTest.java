package ai.buywhere.ops.flags;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.store.Dialect;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/** {@code buywhere flags …} writes through the database; a running node sees it on its poll. */
class FlagsCommandTest {
  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  private Run run(FlagsFixture fx, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of(fx.cliDatabaseArgs(dir)));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new FlagsCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          cmd.getErr().println("error: " + ex.getMessage());
          return 1;
        });
    int exit = cl.execute(all.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void setListAndClearReachARunningNode(Dialect dialect) throws Exception {
    try (FlagsFixture fx = new FlagsFixture(dialect, dir)) {
      FeatureFlags server = fx.node();

      Run set = run(fx, "set", "us_market_enabled", "false", "--reason", "rollback drill");
      assertThat(set.exit()).as(set.err()).isZero();
      assertThat(set.out()).contains("us_market_enabled: true -> false");
      assertThat(server.isEnabled("us_market_enabled")).isTrue(); // not before its next poll
      server.refresh();
      assertThat(server.isEnabled("us_market_enabled")).isFalse();
      assertThat(server.state("us_market_enabled").source()).isEqualTo(FlagSource.OVERRIDE);
      FlagChange audit = server.history("us_market_enabled", 1).get(0);
      assertThat(audit.actor()).startsWith("cli:");
      assertThat(audit.reason()).isEqualTo("rollback drill");

      Run list = run(fx, "list");
      assertThat(list.exit()).isZero();
      assertThat(list.out()).containsPattern("us_market_enabled\\s+false\\s+override");
      assertThat(list.out()).containsPattern("feature_mcp_server\\s+true\\s+default");

      Run clear = run(fx, "clear", "us_market_enabled");
      assertThat(clear.exit()).isZero();
      assertThat(clear.out()).contains("override cleared, now true (default)");
      server.refresh();
      assertThat(server.state("us_market_enabled").source()).isEqualTo(FlagSource.DEFAULT);
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void badArgumentsFailWithoutChangingAnything(Dialect dialect) throws Exception {
    try (FlagsFixture fx = new FlagsFixture(dialect, dir)) {
      FeatureFlags server = fx.node();
      Run unknown = run(fx, "set", "feature_nope", "true");
      assertThat(unknown.exit()).isEqualTo(1);
      assertThat(unknown.err()).contains("Unknown feature flag 'feature_nope'");
      Run badValue = run(fx, "set", "feature_new_search", "maybe");
      assertThat(badValue.exit()).isEqualTo(2);
      assertThat(badValue.err()).contains("value must be true or false");
      server.refresh();
      assertThat(server.history(null, 10)).isEmpty();
    }
  }
}
