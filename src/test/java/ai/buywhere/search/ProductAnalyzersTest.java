package ai.buywhere.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
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
  void theIndexAddsTheTailsThatStartWhereAPartStarts() {
    // parts start after punctuation and where letters turn into digits or back
    assertThat(terms(ProductAnalyzers.CODES_INDEX, "WH-1000XM5"))
        .containsExactly("wh1000xm5", "1000xm5");
    assertThat(terms(ProductAnalyzers.CODES_INDEX, "LG_OLED55C3"))
        .containsExactly("lgoled55c3", "oled55c3", "55c3");
    assertThat(terms(ProductAnalyzers.CODES_INDEX, "model#KSM150.PS"))
        .containsExactly("modelksm150ps", "ksm150ps", "150ps");
    // tails shorter than four characters, or that would not be a code on their own, are left out
    assertThat(terms(ProductAnalyzers.CODES_INDEX, "PSLX350H 12345-ab"))
        .containsExactly("pslx350h", "350h", "12345ab");
    // a code shorter than a tail is kept whole; words without digits are no codes
    assertThat(terms(ProductAnalyzers.CODES_INDEX, "A1B headphones")).containsExactly("a1b");
  }

  @Property
  void everyIndexedTermIsAWholeCodeOrATailOfOneThatQueriesKeep(
      @ForAll
          @StringLength(max = 40)
          @Chars({'a', 'B', 'x', '1', '0', '9', '-', '_', '.', '#', ' '})
          String text) {
    List<String> codes = terms(ProductAnalyzers.CODES_QUERY, text);
    List<String> indexed = terms(ProductAnalyzers.CODES_INDEX, text);
    // the whole codes come first for each token, so they are all indexed
    assertThat(indexed).containsAll(codes);
    for (String term : indexed) {
      assertThat(codes).anySatisfy(code -> assertThat(code).endsWith(term));
      assertThat(terms(ProductAnalyzers.CODES_QUERY, term)).containsExactly(term);
    }
  }
}
