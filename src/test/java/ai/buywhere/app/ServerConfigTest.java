package ai.buywhere.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.buywhere.search.SearchService;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Core settings: defaults, and start-up errors that name the setting. */
class ServerConfigTest {
  static ServerConfig from(Map<String, String> env) {
    return ServerConfig.from(Settings.of(env, Map.of()));
  }

  @Test
  void defaults() {
    ServerConfig c = from(Map.of());
    assertThat(c.port()).isEqualTo(8000);
    assertThat(c.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(c.defaultCountry()).isEqualTo("SG");
    assertThat(c.searchCacheHits()).isEqualTo(SearchService.DEFAULT_RESULT_CACHE_HITS);
  }

  @Test
  void theSearchCacheCanBeSizedOrTurnedOff() {
    assertThat(from(Map.of("SEARCH_CACHE_MAX_HITS", "0")).searchCacheHits()).isZero();
    assertThat(from(Map.of("SEARCH_CACHE_MAX_HITS", "5000")).searchCacheHits()).isEqualTo(5000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "1000001", "lots", "1e4"})
  void aBadSearchCacheSizeIsAStartUpErrorNamingTheSetting(String value) {
    assertThatThrownBy(() -> from(Map.of("SEARCH_CACHE_MAX_HITS", value)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SEARCH_CACHE_MAX_HITS");
  }
}
