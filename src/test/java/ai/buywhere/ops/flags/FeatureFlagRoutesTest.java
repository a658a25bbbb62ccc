package ai.buywhere.ops.flags;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.store.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FeatureFlagRoutesTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void adminApiReadsSetsAuditsAndClears(Dialect dialect) throws Exception {
    Path file = dir.resolve("flags.env");
    Files.writeString(file, "FEATURE_BULK_INGEST=true\n");
    try (FlagsFixture fx = new FlagsFixture(dialect, dir)) {
      FeatureFlags flags = fx.node(Map.of("FEATURE_ADVANCED_ANALYTICS", "true"), file);
      try (TestHttp http = new TestHttp(new FeatureFlagRoutes(flags))) {
        var list = http.get("/admin/feature-flags");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("count").asInt()).isEqualTo(flags.registry().all().size());
        assertThat(list.body().get("flags").get(0).get("flag").asText())
            .isEqualTo("feature_new_search");

        var one = http.get("/admin/feature-flags/feature_bulk_ingest");
        assertThat(one.body().toString())
            .isEqualTo("{\"flag\":\"feature_bulk_ingest\",\"enabled\":true,\"source\":\"file\"}");
        assertThat(
                http.get("/admin/feature-flags/feature_advanced_analytics")
                    .body()
                    .get("source")
                    .asText())
            .isEqualTo("env");
        assertThat(
                http.get("/admin/feature-flags/feature_new_search").body().get("source").asText())
            .isEqualTo("default");

        http.actAs("carol");
        var set =
            http.send(
                "POST",
                "/admin/feature-flags/override",
                "{\"flag\":\"feature_new_search\",\"enabled\":true,\"reason\":\"canary 5%\"}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.body().get("old_value").asBoolean()).isFalse();
        assertThat(set.body().get("new_value").asBoolean()).isTrue();
        assertThat(set.body().get("changed_by").asText()).isEqualTo("carol");

        var detailed = http.get("/admin/feature-flags/feature_new_search/detailed");
        assertThat(detailed.body().get("source").asText()).isEqualTo("override");
        assertThat(detailed.body().get("override_value").asBoolean()).isTrue();
        assertThat(detailed.body().get("override_reason").asText()).isEqualTo("canary 5%");
        assertThat(detailed.body().get("override_by").asText()).isEqualTo("carol");
        assertThat(detailed.body().get("env_name").asText()).isEqualTo("FEATURE_NEW_SEARCH");
        assertThat(detailed.body().get("default_value").asBoolean()).isFalse();
        assertThat(detailed.body().get("file_value").isNull()).isTrue();

        var batch =
            http.send(
                "POST",
                "/admin/feature-flags/batch-update",
                "{\"flags\":{\"feature_bulk_ingest\":false,\"feature_mcp_server\":false},"
                    + "\"reason\":\"incident 42\"}");
        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.body().get("updated")).hasSize(2);
        assertThat(flags.isEnabled("feature_bulk_ingest")).isFalse();
        assertThat(flags.isEnabled("feature_mcp_server")).isFalse();

        http.actAs(null);
        var cleared =
            http.send(
                "DELETE", "/admin/feature-flags/override/feature_bulk_ingest?reason=over", null);
        assertThat(cleared.body().toString())
            .isEqualTo(
                "{\"flag\":\"feature_bulk_ingest\",\"enabled\":true,\"source\":\"file\",\"cleared\":true}");

        var history = http.get("/admin/feature-flags/history/all");
        assertThat(history.body().get("count").asInt()).isEqualTo(4);
        var newest = history.body().get("history").get(0);
        assertThat(newest.get("action").asText()).isEqualTo("clear");
        assertThat(newest.get("changed_by").asText()).isEqualTo("admin");
        assertThat(newest.get("reason").asText()).isEqualTo("over");
        assertThat(newest.get("old_value").asBoolean()).isFalse();
        assertThat(newest.get("new_value").asBoolean()).isTrue();
        assertThat(
                http.get("/admin/feature-flags/history/all?limit=1&flag=feature_new_search")
                    .body()
                    .get("history")
                    .get(0)
                    .get("flag")
                    .asText())
            .isEqualTo("feature_new_search");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void badRequestsAreClientErrorsAndChangeNothing(Dialect dialect) throws Exception {
    try (FlagsFixture fx = new FlagsFixture(dialect, dir)) {
      FeatureFlags flags = fx.node();
      try (TestHttp http = new TestHttp(new FeatureFlagRoutes(flags))) {
        assertThat(http.get("/admin/feature-flags/feature_nope").status()).isEqualTo(404);
        assertThat(http.get("/admin/feature-flags/feature_nope/detailed").status()).isEqualTo(404);
        assertThat(http.send("DELETE", "/admin/feature-flags/override/feature_nope", null).status())
            .isEqualTo(404);
        var unknown =
            http.send(
                "POST",
                "/admin/feature-flags/override",
                "{\"flag\":\"feature_nope\",\"enabled\":true}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("error").get("code").asText()).isEqualTo("not_found");

        for (String body :
            new String[] {
              "not json",
              "[]",
              "{\"enabled\":true}",
              "{\"flag\":\"feature_new_search\"}",
              "{\"flag\":\"feature_new_search\",\"enabled\":\"yes\"}",
              "{\"flag\":\"feature_new_search\",\"enabled\":true,\"reason\":5}"
            }) {
          var r = http.send("POST", "/admin/feature-flags/override", body);
          assertThat(r.status()).as(body).isEqualTo(400);
          assertThat(r.body().get("error").get("code").asText()).isEqualTo("invalid_params");
        }
        assertThat(
                http.send("POST", "/admin/feature-flags/batch-update", "{\"flags\":{}}").status())
            .isEqualTo(400);
        assertThat(
                http.send(
                        "POST",
                        "/admin/feature-flags/batch-update",
                        "{\"flags\":{\"feature_new_search\":true,\"feature_nope\":true}}")
                    .status())
            .isEqualTo(404);
        assertThat(
                http.send(
                        "POST",
                        "/admin/feature-flags/batch-update",
                        "{\"flags\":{\"feature_new_search\":true,\"feature_bulk_ingest\":1}}")
                    .status())
            .isEqualTo(400);
        assertThat(http.get("/admin/feature-flags/history/all?limit=0").status()).isEqualTo(400);
        assertThat(http.get("/admin/feature-flags/history/all?limit=x").status()).isEqualTo(400);

        assertThat(flags.state("feature_new_search").source()).isEqualTo(FlagSource.DEFAULT);
        assertThat(flags.history(null, 10)).isEmpty();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void experimentalEndpointsAnswer404WhileTheirFlagIsOff(Dialect dialect) throws Exception {
    try (FlagsFixture fx = new FlagsFixture(dialect, dir)) {
      FeatureFlags flags = fx.node();
      MarketSwitch markets = new MarketSwitch(flags);
      try (TestHttp http = new TestHttp(new ExperimentalRoutes(flags, markets))) {
        var off = http.get("/v1/experimental/scraper/status");
        assertThat(off.status()).isEqualTo(404);
        assertThat(off.body().get("error").get("code").asText()).isEqualTo("not_found");

        flags.setOverride("feature_experimental_scraper", true, "ops", "try it");
        flags.setOverride("us_data_ingestion_enabled", false, "ops", "pause");
        var on = http.get("/v1/experimental/scraper/status");
        assertThat(on.status()).isEqualTo(200);
        assertThat(on.body().get("status").asText()).isEqualTo("experimental");
        assertThat(on.body().get("source").asText()).isEqualTo("override");
        assertThat(on.body().get("ingestion_allowed").get("US").asBoolean()).isFalse();
        assertThat(on.body().get("ingestion_allowed").get("SG").asBoolean()).isTrue();

        flags.setOverride("feature_experimental_scraper", false, "ops", "enough");
        assertThat(http.get("/v1/experimental/scraper/status").status()).isEqualTo(404);
      }
    }
  }
}
