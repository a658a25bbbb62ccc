package ai.buywhere.ops.flags;

import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.store.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlagsFileTest {
  @TempDir Path dir;

  @Test
  void keyValueFilesAndUnknownKeysAreAccepted() throws Exception {
    Path file = dir.resolve("flags.properties");
    Files.writeString(
        file,
        "# ConfigMap\nFEATURE_NEW_SEARCH=true\nus_market_enabled = off\nfeature_later=true\n");
    try (FlagsFixture fx = new FlagsFixture(Dialect.SQLITE, dir)) {
      FeatureFlags flags = fx.node(Map.of(), file);
      assertThat(flags.state("feature_new_search"))
          .isEqualTo(new FlagState("feature_new_search", true, FlagSource.FILE));
      assertThat(flags.isEnabled("us_market_enabled")).isFalse();
      assertThat(flags.status().fileOk()).isTrue();
      assertThat(flags.status().fileUnknownKeys()).containsExactly("feature_later");
      assertThat(flags.status().healthy()).isTrue();
    }
  }

  @Test
  void aBrokenFileKeepsTheLastGoodValuesAndReportsTheError() throws Exception {
    Path file = dir.resolve("flags.yaml");
    Files.writeString(file, "feature_new_search: true\n");
    try (FlagsFixture fx = new FlagsFixture(Dialect.SQLITE, dir)) {
      FeatureFlags flags = fx.node(Map.of(), file);
      assertThat(flags.isEnabled("feature_new_search")).isTrue();
      var loadedAt = flags.status().fileLoadedAt();

      fx.clock.advance(Duration.ofSeconds(30));
      Files.writeString(file, "feature_new_search: [unclosed\n");
      assertThat(flags.reloadFile()).isFalse();
      assertThat(flags.state("feature_new_search").source()).isEqualTo(FlagSource.FILE);
      assertThat(flags.isEnabled("feature_new_search")).isTrue();
      FlagsStatus s = flags.status();
      assertThat(s.healthy()).isFalse();
      assertThat(s.fileOk()).isFalse();
      assertThat(s.fileError()).contains("not valid YAML").contains(file.toString());
      assertThat(s.fileLoadedAt()).isEqualTo(loadedAt);
      assertThat(s.problem()).isEqualTo(s.fileError());
      assertThat(s.details())
          .containsEntry("flags_file_ok", false)
          .containsEntry("flags_file_error", s.fileError())
          .containsEntry("flags_file_loaded_at", loadedAt.toString());
      assertThat(s.fileCheckedAt()).isEqualTo(fx.clock.instant());

      // a value that is not a boolean breaks the whole file: nothing applies partially
      Files.writeString(file, "feature_new_search: false\nfeature_bulk_ingest: sometimes\n");
      assertThat(flags.reloadFile()).isFalse();
      assertThat(flags.isEnabled("feature_new_search")).isTrue();
      assertThat(flags.status().fileError()).contains("feature_bulk_ingest must be true or false");

      Files.delete(file);
      assertThat(flags.reloadFile()).isFalse();
      assertThat(flags.status().fileError()).contains("file not found");

      Files.writeString(file, "feature_new_search: false\n");
      assertThat(flags.reloadFile()).isTrue();
      assertThat(flags.isEnabled("feature_new_search")).isFalse();
      assertThat(flags.status().healthy()).isTrue();
      assertThat(flags.status().fileError()).isNull();
    }
  }

  @Test
  void theBackgroundReloadPicksUpAChangedFile() throws Exception {
    Path file = dir.resolve("flags.yaml");
    Files.writeString(file, "feature_bulk_ingest: false\n");
    try (FlagsFixture fx = new FlagsFixture(Dialect.SQLITE, dir)) {
      FeatureFlags flags =
          new FeatureFlags(
              FlagRegistry.standard(),
              new FlagsConfig(file, Duration.ofMillis(100), Duration.ofSeconds(30)),
              ai.buywhere.app.Settings.of(Map.of(), Map.of()),
              fx.database(),
              fx.clock);
      try (flags) {
        flags.start();
        Files.writeString(file, "feature_bulk_ingest: true\n");
        org.awaitility.Awaitility.await()
            .atMost(Duration.ofSeconds(5))
            .until(() -> flags.isEnabled("feature_bulk_ingest"));
      }
    }
  }
}
