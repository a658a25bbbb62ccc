package ai.buywhere.ops.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.buywhere.app.Settings;
import ai.buywhere.store.Dialect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code REDIS_URL}, a change reaches other nodes at once through pub/sub (the local Redis),
 * long before their 30 s poll; without a reachable Redis the node keeps working on polling.
 */
class RedisFanoutTest {
  private static final String REDIS = "redis://127.0.0.1:6379";
  @TempDir Path dir;

  private static FeatureFlags node(FlagsFixture fx, String redisUrl, String channel) {
    return new FeatureFlags(
            FlagRegistry.standard(),
            new FlagsConfig(
                null, Duration.ofSeconds(30), Duration.ofSeconds(30), redisUrl, channel),
            Settings.of(Map.of(), Map.of()),
            fx.database(),
            fx.clock)
        .start();
  }

  @Test
  void aChangeIsPushedToOtherNodesWellBeforeTheirPoll() throws Exception {
    String channel = "test:flags:" + UUID.randomUUID();
    try (FlagsFixture fx = new FlagsFixture(Dialect.POSTGRESQL, dir);
        FeatureFlags a = node(fx, REDIS, channel);
        FeatureFlags b = node(fx, REDIS, channel)) {
      assertThat(a.redisConnected()).isTrue();
      assertThat(b.status().redisFanout()).isEqualTo("connected");
      MarketSwitch bMarkets = new MarketSwitch(b);

      a.setOverride("us_market_enabled", false, "ops", "rollback");
      // b polls only every 30 s; the push must bring it far sooner
      await().atMost(Duration.ofSeconds(5)).until(() -> bMarkets.isHidden("US"));

      a.clearOverride("us_market_enabled", "ops", "recovered");
      await().atMost(Duration.ofSeconds(5)).until(() -> !bMarkets.isHidden("US"));
    }
  }

  @Test
  void anUnreachableRedisLeavesPollingInCharge() throws Exception {
    try (FlagsFixture fx = new FlagsFixture(Dialect.SQLITE, dir);
        FeatureFlags a = node(fx, "redis://127.0.0.1:1", "test:flags:" + UUID.randomUUID())) {
      assertThat(a.redisConnected()).isFalse();
      assertThat(a.status().redisFanout()).contains("polling only");
      assertThat(a.status().healthy()).isTrue();
      a.setOverride("feature_new_search", true, "ops", null);
      assertThat(a.isEnabled("feature_new_search")).isTrue();
    }
  }
}
