package ai.buywhere.search;

import static ai.buywhere.search.SearchFixture.product;
import static org.assertj.core.api.Assertions.assertThat;

import ai.buywhere.store.Dialect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimilarProductsTest {
  @TempDir Path dir;

  @Test
  void sameGtinThenSameModelThenRelatedNeverItselfNorHiddenMarkets() throws Exception {
    try (SearchFixture fx = new SearchFixture(Dialect.SQLITE, dir)) {
      var w =
          fx.write(
              product("base", "Sony WH-1000XM5 Headphones Black")
                  .brand("Sony")
                  .gtin("027242923782")
                  .model("WH-1000XM5/B")
                  .build(),
              product("same-gtin", "Headphones wireless over-ear")
                  .domain("other.example")
                  .gtin("0027242923782")
                  .build(),
              product("same-model", "Noise cancelling headset")
                  .domain("third.example")
                  .model("wh1000xm5b")
                  .build(),
              product("code-in-title", "Casque WH1000XM5B noir").domain("fr.example").build(),
              product("related", "Sony WH-CH720N Headphones").brand("Sony").build(),
              product("hidden", "Sony WH-1000XM5 Headphones Black")
                  .gtin("027242923782")
                  .countryCode("VN")
                  .currency("VND")
                  .build(),
              product("unrelated", "Garden hose 20m").build());
      SearchService s = fx.openSearch();
      assertThat(s.awaitSeq(w.lastSeq(), Duration.ofSeconds(5))).isTrue();
      var base = fx.repo.findBySkuAndSource("base", "test").orElseThrow();

      List<String> skus =
          s.search().similar(base, 10, Set.of("VN")).stream().map(h -> h.product().sku()).toList();
      assertThat(skus).startsWith("same-gtin", "same-model", "code-in-title");
      assertThat(skus).contains("related").doesNotContain("base", "hidden", "unrelated");
      assertThat(s.search().similar(base, 10, Set.of()))
          .extracting(h -> h.product().sku())
          .contains("hidden");
      assertThat(s.search().similar(base, 2, Set.of())).hasSize(2);
    }
  }
}
