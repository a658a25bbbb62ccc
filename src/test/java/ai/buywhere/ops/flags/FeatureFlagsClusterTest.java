package ai.buywhere.ops.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.buywhere.store.Dialect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Two nodes over one database: an override made on one reaches the other by polling. */
class FeatureFlagsClusterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void anOverrideOnOneNodeReachesTheOtherWithinThePollInterval(Dialect dialect) throws Exception {
    try (FlagsFixture fx = new FlagsFixture(dialect, dir)) {
      FeatureFlags a = fx.node(Map.of(), null, Duration.ofSeconds(1));
      FeatureFlags b = fx.node(Map.of(), null, Duration.ofSeconds(1)).start();
      MarketSwitch bMarkets = new MarketSwitch(b);

      a.setOverride("us_market_enabled", false, "ops", "rollback");
      // b has not polled yet: explicit refresh would show it at once; the scheduled poll (1 s
      // here, ≤ 30 s in production) must bring it without help
      await().atMost(Duration.ofSeconds(10)).until(() -> bMarkets.hiddenCountries().contains("US"));
      assertThat(b.state("us_market_enabled").source()).isEqualTo(FlagSource.OVERRIDE);

      a.clearOverride("us_market_enabled", "ops", "recovered");
      await().atMost(Duration.ofSeconds(10)).until(() -> bMarkets.hiddenCountries().isEmpty());
      assertThat(b.state("us_market_enabled").source()).isEqualTo(FlagSource.DEFAULT);
      assertThat(b.status().overridesOk()).isTrue();
      assertThat(b.history(null, 10)).hasSize(2);
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void anExplicitRefreshPicksUpAnotherNodesWriteAtOnce(Dialect dialect) throws Exception {
    try (FlagsFixture fx = new FlagsFixture(dialect, dir)) {
      FeatureFlags a = fx.node();
      FeatureFlags b = fx.node();
      a.setOverride("feature_bulk_ingest", true, "ops", null);
      assertThat(b.isEnabled("feature_bulk_ingest")).isFalse();
      assertThat(b.refresh()).isTrue();
      assertThat(b.isEnabled("feature_bulk_ingest")).isTrue();
      assertThat(b.status().overridesPolledAt()).isEqualTo(fx.clock.instant());
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aFailingPollKeepsTheLastKnownOverridesAndReportsIt(Dialect dialect) throws Exception {
    try (FlagsFixture fx = new FlagsFixture(dialect, dir)) {
      ai.buywhere.store.Database db = fx.database();
      FeatureFlags node =
          new FeatureFlags(
              FlagRegistry.standard(),
              new FlagsConfig(null, Duration.ofSeconds(30), Duration.ofSeconds(5)),
              ai.buywhere.app.Settings.of(Map.of(), Map.of()),
              db,
              fx.clock);
      node.setOverride("us_market_enabled", false, "ops", "rollback");
      db.close();
      assertThat(node.refresh()).isFalse();
      assertThat(node.isEnabled("us_market_enabled")).isFalse();
      FlagsStatus s = node.status();
      assertThat(s.healthy()).isFalse();
      assertThat(s.overridesOk()).isFalse();
      assertThat(s.overridesError()).startsWith("cannot read feature flag overrides");
      assertThat(s.overriddenFlags()).containsExactly("us_market_enabled");
    }
  }
}
