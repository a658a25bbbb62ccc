package ai.buywhere.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

/** The terms the codes chains produce, pinned exactly: the index and its queries must agree. */
class ProductAnalyzersTest {

  private static List<String> terms(Analyzer analyzer, String text) {
    return ProductQueries.analyze(analyzer, text);
  }

  @Test
  void codesAreCutOnPunctuationAndStrippedToLettersAndDigits() {
    assertThat(terms(ProductAnalyzers.CODES_QUERY, "Sony WH-1000XM5 (Black); model#KSM150.PS"))
        .containsExactly("wh1000xm5", "modelksm150ps");
    assertThat(terms(ProductAnalyzers.CODES_QUERY, "ÉCRAN-4K/LG_OLED55C3|x9"))
        .containsExactly("ecran4k", "lgoled55c3");
  }

  @Test
  void plainWordsAndShortNumbersAreNotCodesButLongNumbersAre() {
    assertThat(
            terms(ProductAnalyzers.CODES_QUERY, "headphones 128 2019 a1 12345 gtin:0885909950805"))
        .containsExactly("12345", "0885909950805");
  }

  @Test
  void theIndexAddsEverySuffixOfFourOrMoreCharacters() {
    assertThat(terms(ProductAnalyzers.CODES_INDEX, "WH-1000XM5"))
        .containsExactlyInAnyOrder("0xm5", "00xm5", "000xm5", "1000xm5", "h1000xm5", "wh1000xm5");
    // a code shorter than a suffix is kept whole
    assertThat(terms(ProductAnalyzers.CODES_INDEX, "A1B")).containsExactly("a1b");
  }
}
