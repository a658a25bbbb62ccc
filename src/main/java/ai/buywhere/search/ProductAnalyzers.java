package ai.buywhere.search;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.util.CharTokenizer;

/**
 * The analysis chains. Words: standard tokenizer, ASCII folding, English possessive, lower case,
 * English stop words, KStem (less aggressive than Porter, so "batteries"→"battery" but "news" stays
 * apart from "new"). Codes: model numbers such as {@code WH-1000XM5} are cut out of the text on
 * whitespace and light punctuation, lower-cased and stripped of everything but letters and digits
 * ({@code wh1000xm5}), kept only if they carry a digit; at index time the tails of a code that
 * start where one of its parts starts are indexed too ({@link CodeSuffixFilter}), so {@code
 * 1000xm5} finds the product. Queries use the chain without the tails. The codes chain uses no
 * regular expressions: they took a sixth of indexing time. Analyzers are thread-safe and reused
 * (their token streams are cached per thread).
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
        ts = suffixes ? new CodeSuffixFilter(ts) : new CodeTokenFilter(ts);
        return new TokenStreamComponents(source, ts);
      }
    };
  }

  /**
   * Strips {@code b[0..len)} (lower case) in place to its letters and digits and returns the new
   * length. When {@code starts} is given, it receives the positions (in the stripped code) where a
   * part begins: after a stripped character, and where letters turn into digits or back; {@code
   * starts[0]} is how many there are, the positions follow.
   */
  static int strip(char[] b, int len, int[] starts) {
    int out = 0;
    boolean cut = false;
    for (int i = 0; i < len; i++) {
      char c = b[i];
      boolean digit = c >= '0' && c <= '9';
      if (!digit && (c < 'a' || c > 'z')) {
        cut = true;
        continue;
      }
      if (starts != null && out > 0 && (cut || digit != (b[out - 1] >= '0' && b[out - 1] <= '9'))) {
        starts[++starts[0]] = out;
      }
      cut = false;
      b[out++] = c;
    }
    return out;
  }

  /**
   * Whether stripped letters and digits look like a model number: at least three characters with a
   * digit, and either a letter too or at least five digits (plain numbers such as "128" or "2019"
   * stay words only). Queries keep only such codes, so the index keeps only such suffixes.
   */
  static boolean looksLikeCode(char[] b, int from, int to) {
    int digits = 0;
    for (int i = from; i < to; i++) {
      if (b[i] <= '9') {
        digits++;
      }
    }
    int len = to - from;
    return len >= 3 && digits > 0 && (digits < len || len >= 5);
  }

  /**
   * Query side: strips each token (see {@link #strip}) and keeps it only if it looks like a code.
   */
  static final class CodeTokenFilter extends FilteringTokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    CodeTokenFilter(TokenStream in) {
      super(in);
    }

    @Override
    protected boolean accept() {
      int len = strip(term.buffer(), term.length(), null);
      term.setLength(len);
      return looksLikeCode(term.buffer(), 0, len);
    }
  }

  /**
   * Index side: each code as {@link CodeTokenFilter} keeps it, followed (at the same position) by
   * its tails that start where a part starts ({@link #strip}) and that look like a code themselves,
   * {@value #MIN_CODE_SUFFIX} to {@value #MAX_CODE_SUFFIX} characters long: {@code WH-1000XM5} adds
   * {@code 1000xm5}, {@code LG_OLED55C3} adds {@code oled55c3} and {@code 55c3}. A tail that starts
   * inside a part ({@code 000xm5}) is never typed, so it is not indexed.
   */
  static final class CodeSuffixFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position =
        addAttribute(PositionIncrementAttribute.class);
    private char[] code = new char[32];
    private int codeLength;
    private int[] starts = new int[33];
    private int next;

    CodeSuffixFilter(TokenStream in) {
      super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (emitNextTail()) {
        return true;
      }
      while (input.incrementToken()) {
        if (starts.length <= term.length()) {
          starts = new int[term.length() + 1];
        }
        starts[0] = 0;
        int len = strip(term.buffer(), term.length(), starts);
        term.setLength(len);
        if (looksLikeCode(term.buffer(), 0, len)) {
          if (code.length < len) {
            code = new char[len];
          }
          System.arraycopy(term.buffer(), 0, code, 0, len);
          codeLength = len;
          next = 1;
          return true;
        }
      }
      return false;
    }

    private boolean emitNextTail() {
      while (next > 0 && next <= starts[0]) {
        int from = starts[next++];
        int len = codeLength - from;
        if (len >= MIN_CODE_SUFFIX
            && len <= MAX_CODE_SUFFIX
            && looksLikeCode(code, from, codeLength)) {
          // the other attributes (offsets) stay those of the whole code
          term.copyBuffer(code, from, len);
          position.setPositionIncrement(0);
          return true;
        }
      }
      return false;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      next = 0;
      starts[0] = 0;
    }
  }
}
