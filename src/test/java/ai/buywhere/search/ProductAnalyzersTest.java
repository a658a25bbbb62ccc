package ai.buywhere.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** The terms the codes chains produce, pinned exactly: the index and its queries must agree. */
class ProductAnalyzersTest {

  private static List<String> terms(Analyzer analyzer, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(ProductFields.CODES, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
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
