package ai.buywhere.ops.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.buywhere.api.ApiException;
import ai.buywhere.api.ErrorCode;
import ai.buywhere.store.Dialect;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MarketSwitchTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void patchingAMarketOffHidesItPausesIngestionAndIsReversible(Dialect dialect) throws Exception {
    try (FlagsFixture fx = new FlagsFixture(dialect, dir)) {
      FeatureFlags flags = fx.node();
      MarketSwitch markets = new MarketSwitch(flags);
      assertThat(markets.hiddenCountries()).isEmpty();
      assertThat(markets.isIngestionAllowed("US")).isTrue();

      try (TestHttp http = new TestHttp(new MarketSwitchRoutes(flags, markets))) {
        http.actAs("oncall");
        var off =
            http.send(
                "PATCH",
                "/admin/features",
                "{\"us_market_enabled\": false, \"reason\": \"US launch rollback\"}");
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.body().get("hidden_countries").toString()).isEqualTo("[\"US\"]");
        assertThat(off.body().get("ingestion_paused").toString()).isEqualTo("[\"US\"]");
        assertThat(off.body().get("features").get("us_market_enabled").asBoolean()).isFalse();
        assertThat(off.body().get("updated").get(0).get("changed_by").asText()).isEqualTo("oncall");

        assertThat(markets.hiddenCountries()).containsExactly("US");
        assertThat(markets.isHidden("us")).isTrue();
        assertThat(markets.isIngestionAllowed("US")).isFalse();
        assertThat(markets.isIngestionAllowed("SG")).isTrue();
        assertThat(markets.get()).containsExactly("US");
        assertThatThrownBy(() -> markets.requireVisible("p-1", "US"))
            .isInstanceOf(ApiException.class)
            .hasMessage("Product p-1 is not available: the US market is currently disabled")
            .extracting(e -> ((ApiException) e).code())
            .isEqualTo(ErrorCode.NOT_FOUND);
        markets.requireVisible("p-2", "SG");

        // the generic form: any market, and ingestion alone
        var gb =
            http.send(
                "PATCH",
                "/admin/features",
                "{\"gb_market_enabled\": false, \"sg_data_ingestion_enabled\": false}");
        assertThat(gb.status()).isEqualTo(200);
        assertThat(markets.hiddenCountries()).containsExactlyInAnyOrder("US", "GB");
        assertThat(markets.isIngestionAllowed("SG")).isFalse();
        assertThat(markets.isHidden("SG")).isFalse();
        assertThat(markets.status().ingestionPaused()).containsExactly("GB", "SG", "US");

        var on =
            http.send(
                "PATCH",
                "/admin/features",
                "{\"us_market_enabled\": true, \"gb_market_enabled\": true,"
                    + " \"sg_data_ingestion_enabled\": true}");
        assertThat(on.status()).isEqualTo(200);
        assertThat(markets.hiddenCountries()).isEmpty();
        assertThat(markets.status().ingestionPaused()).isEmpty();
        assertThat(http.get("/admin/features").body().get("hidden_countries")).isEmpty();

        // audited like every override
        assertThat(flags.history("us_market_enabled", 10))
            .extracting(FlagChange::oldValue, FlagChange::newValue, FlagChange::actor)
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple(false, true, "oncall"),
                org.assertj.core.groups.Tuple.tuple(true, false, "oncall"));
        assertThat(flags.history("us_market_enabled", 10).get(1).reason())
            .isEqualTo("US launch rollback");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void badPatchesChangeNothing(Dialect dialect) throws Exception {
    try (FlagsFixture fx = new FlagsFixture(dialect, dir)) {
      FeatureFlags flags = fx.node();
      MarketSwitch markets = new MarketSwitch(flags);
      try (TestHttp http = new TestHttp(new MarketSwitchRoutes(flags, markets))) {
        Map<String, Integer> cases =
            Map.of(
                "{}", 400,
                "nope", 400,
                "{\"us_market_enabled\": \"false\"}", 400,
                "{\"us_market_enabled\": false, \"feature_new_search\": true}", 400,
                "{\"us_market_enabled\": false, \"xx_market_enabled\": false}", 404,
                "{\"us_market_enabled\": false, \"reason\": 7}", 400);
        for (var c : cases.entrySet()) {
          var r = http.send("PATCH", "/admin/features", c.getKey());
          assertThat(r.status()).as(c.getKey()).isEqualTo(c.getValue());
          assertThat(r.body().get("error").get("message").asText()).isNotBlank();
        }
        assertThat(markets.hiddenCountries()).isEmpty();
        assertThat(flags.history(null, 10)).isEmpty();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void aMarketFlagFromTheEnvironmentOrFileHidesTooAndHealthShowsIt(Dialect dialect)
      throws Exception {
    try (FlagsFixture fx = new FlagsFixture(dialect, dir)) {
      FeatureFlags flags = fx.node(Map.of("FEATURE_VN_MARKET_ENABLED", "false"), null);
      MarketSwitch markets = new MarketSwitch(flags);
      assertThat(markets.hiddenCountries()).containsExactly("VN");
      assertThat(markets.status().hiddenCountries()).containsExactly("VN");
      assertThat(markets.status().details())
          .containsEntry("hidden_countries", java.util.List.of("VN"))
          .containsEntry("ingestion_paused", java.util.List.of("VN"));
      assertThat(flags.status().details()).doesNotContainKey("flags_file");
      assertThat(markets.isIngestionAllowed("VN")).isFalse();
      assertThat(markets.isIngestionAllowed("KR")).isTrue();
    }
  }
}
