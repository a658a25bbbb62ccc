package ai.buywhere.ops.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.buywhere.app.ConfigException;
import ai.buywhere.store.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FeatureFlagsTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void eachLayerBeatsTheOneBelow(Dialect dialect) throws Exception {
    Path file = dir.resolve("flags.yaml");
    try (FlagsFixture fx = new FlagsFixture(dialect, dir)) {
      FeatureFlags flags =
          fx.node(Map.of("FEATURE_NEW_SEARCH", "true", "FEATURE_ADVANCED_ANALYTICS", "true"), file);
      // default
      assertThat(flags.state("feature_bulk_ingest"))
          .isEqualTo(new FlagState("feature_bulk_ingest", false, FlagSource.DEFAULT));
      assertThat(flags.isEnabled("feature_mcp_server")).isTrue();
      // env over default
      assertThat(flags.state("feature_new_search"))
          .isEqualTo(new FlagState("feature_new_search", true, FlagSource.ENV));
      // file over env
      Files.writeString(file, "feature_new_search: false\nFEATURE_BULK_INGEST: true\n");
      assertThat(flags.reloadFile()).isTrue();
      assertThat(flags.state("feature_new_search"))
          .isEqualTo(new FlagState("feature_new_search", false, FlagSource.FILE));
      assertThat(flags.state("feature_bulk_ingest").source()).isEqualTo(FlagSource.FILE);
      assertThat(flags.state("feature_advanced_analytics").source()).isEqualTo(FlagSource.ENV);
      // override over file
      FlagChange c = flags.setOverride("feature_new_search", true, "alice", "canary");
      assertThat(c.oldValue()).isFalse();
      assertThat(c.newValue()).isTrue();
      assertThat(flags.state("feature_new_search"))
          .isEqualTo(new FlagState("feature_new_search", true, FlagSource.OVERRIDE));
      // clearing the override falls back to the file
      fx.clock.advance(Duration.ofMinutes(1));
      assertThat(flags.clearOverride("feature_new_search", "bob", "done")).isPresent();
      assertThat(flags.state("feature_new_search").source()).isEqualTo(FlagSource.FILE);
      assertThat(flags.clearOverride("feature_new_search", "bob", "again")).isEmpty();

      assertThat(flags.history("feature_new_search", 10))
          .extracting(
              FlagChange::action, FlagChange::oldValue, FlagChange::newValue, FlagChange::actor)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("clear", true, false, "bob"),
              org.assertj.core.groups.Tuple.tuple("set", false, true, "alice"));
      assertThat(flags.history(null, 10).get(1).reason()).isEqualTo("canary");
      assertThat(flags.history(null, 10).get(0).changedAt()).isEqualTo(fx.clock.instant());
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void overridesSurviveARestartAndFlagsDeclaredInCodeWork(Dialect dialect) throws Exception {
    try (FlagsFixture fx = new FlagsFixture(dialect, dir)) {
      FeatureFlags first = fx.node();
      assertThat(first.state("feature_test_only").enabled()).isTrue();
      first.setOverrides(
          Map.of("feature_test_only", false, "us_market_enabled", false), "ops", "drill");
      first.close();
      FeatureFlags second = fx.node();
      assertThat(second.state("feature_test_only"))
          .isEqualTo(new FlagState("feature_test_only", false, FlagSource.OVERRIDE));
      assertThat(second.isEnabled("us_market_enabled")).isFalse();
      assertThat(second.status().overriddenFlags())
          .containsExactly("feature_test_only", "us_market_enabled");
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void unknownFlagsAreRejectedAndChangeNothing(Dialect dialect) throws Exception {
    try (FlagsFixture fx = new FlagsFixture(dialect, dir)) {
      FeatureFlags flags = fx.node();
      assertThatThrownBy(() -> flags.isEnabled("feature_typo"))
          .isInstanceOf(UnknownFlagException.class);
      assertThatThrownBy(
              () ->
                  flags.setOverrides(Map.of("feature_new_search", true, "nope", true), "ops", null))
          .isInstanceOf(UnknownFlagException.class);
      assertThat(flags.state("feature_new_search").source()).isEqualTo(FlagSource.DEFAULT);
      assertThat(flags.history(null, 10)).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aBadEnvironmentValueFailsStartUpNamingTheVariable(Dialect dialect) throws Exception {
    try (FlagsFixture fx = new FlagsFixture(dialect, dir)) {
      assertThatThrownBy(() -> fx.node(Map.of("FEATURE_US_MARKET_ENABLED", "maybe"), null))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("FEATURE_US_MARKET_ENABLED");
    }
  }
}
