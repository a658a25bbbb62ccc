package ai.buywhere.search;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.reverse.ReverseStringFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.CharTokenizer;

/**
 * The analysis chains. Words: standard tokenizer, ASCII folding, English possessive, lower case,
 * English stop words, KStem (less aggressive than Porter, so "batteries"→"battery" but "news" stays
 * apart from "new"). Codes: model numbers such as {@code WH-1000XM5} are cut out of the text on
 * whitespace and light punctuation, lower-cased and stripped of everything but letters and digits
 * ({@code wh1000xm5}), kept only if they carry a digit; at index time every suffix of four or more
 * characters is indexed too, so {@code 1000xm5} finds the product. Queries use the chain without
 * the suffixes. The codes chain uses no regular expressions: they took a sixth of indexing time.
 * Analyzers are thread-safe and reused (their token streams are cached per thread).
 */
final class ProductAnalyzers {
  static final int MIN_CODE_SUFFIX = 4;
  static final int MAX_CODE_SUFFIX = 24;

  /** What separates codes besides whitespace; hyphens, dots and underscores stay inside. */
  private static final String CODE_SEPARATORS = ",;:()[]{}\"'|/+*&!?";

  /** English words, used for title, brand, description and category text, index and query. */
  static final Analyzer TEXT =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
          Tokenizer source = new StandardTokenizer();
          TokenStream ts = new ASCIIFoldingFilter(source);
          ts = new EnglishPossessiveFilter(ts);
          ts = new LowerCaseFilter(ts);
          ts = new StopFilter(ts, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
          ts = new KStemFilter(ts);
          return new TokenStreamComponents(source, ts);
        }
      };

  /** Codes as queried: whole normalised codes only. */
  static final Analyzer CODES_QUERY = codes(false);

  /** Codes as indexed: whole codes plus their suffixes. */
  static final Analyzer CODES_INDEX = codes(true);

  /** What IndexWriter uses: codes with suffixes, everything else as words. */
  static final Analyzer INDEX =
      new PerFieldAnalyzerWrapper(TEXT, Map.of(ProductFields.CODES, CODES_INDEX));

  private ProductAnalyzers() {}

  private static Analyzer codes(boolean suffixes) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source =
            CharTokenizer.fromSeparatorCharPredicate(
                c -> Character.isWhitespace(c) || CODE_SEPARATORS.indexOf(c) >= 0);
        TokenStream ts = new ASCIIFoldingFilter(source);
        ts = new LowerCaseFilter(ts);
        ts = new CodeTokenFilter(ts);
        if (suffixes) {
          ts = new ReverseStringFilter(ts);
          ts = new EdgeNGramTokenFilter(ts, MIN_CODE_SUFFIX, MAX_CODE_SUFFIX, true);
          ts = new ReverseStringFilter(ts);
        }
        return new TokenStreamComponents(source, ts);
      }
    };
  }

  /**
   * Strips each (lower-cased) token to its letters and digits, then keeps it only if it looks like
   * a model number: at least three characters with a digit, and either a letter too or at least
   * five digits (plain numbers such as "128" or "2019" stay words only).
   */
  static final class CodeTokenFilter extends FilteringTokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    CodeTokenFilter(TokenStream in) {
      super(in);
    }

    @Override
    protected boolean accept() {
      char[] b = term.buffer();
      int len = 0;
      int digits = 0;
      for (int i = 0; i < term.length(); i++) {
        char c = b[i];
        boolean digit = c >= '0' && c <= '9';
        if (digit || (c >= 'a' && c <= 'z')) {
          b[len++] = c;
          if (digit) {
            digits++;
          }
        }
      }
      term.setLength(len);
      return len >= 3 && digits > 0 && (digits < len || len >= 5);
    }
  }
}
