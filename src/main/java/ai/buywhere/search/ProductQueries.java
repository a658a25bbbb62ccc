package ai.buywhere.search;

import static ai.buywhere.search.ProductFields.*;

import ai.buywhere.catalog.Categories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Builds Lucene queries programmatically from user input: nothing of the user's string is parsed as
 * Lucene syntax, so any string is safe. Free text is split into words on whitespace; each word
 * becomes one dis-max over the fields (title, brand, description, category, codes) and the words
 * are SHOULD clauses with a minimum-should-match, so hits matching more words score higher.
 */
final class ProductQueries {
  /** Longer queries are cut; 500 characters hold far fewer words. */
  static final int MAX_WORDS = 32;

  private ProductQueries() {}

  /** The free-text part, or null when {@code q} holds no searchable word. */
  static Query text(String q, RelevanceTuning t) {
    if (q == null || q.isBlank()) {
      return null;
    }
    String[] words = q.trim().split("\\s+");
    if (words.length > MAX_WORDS) {
      words = Arrays.copyOf(words, MAX_WORDS);
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    List<String> titleTerms = new ArrayList<>();
    // a word given twice ("iphone 6 cases slim cases") counts once: a repeated clause would add
    // nothing but a second walk over the same postings, and would inflate minimum-should-match
    Set<Query> distinct = new HashSet<>();
    int n = 0;
    for (String word : words) {
      Query w = word(word, t, titleTerms);
      if (w != null && distinct.add(w)) {
        all.add(w, Occur.SHOULD);
        n++;
      }
    }
    if (n == 0) {
      return null;
    }
    all.setMinimumNumberShouldMatch(t.minimumShouldMatch(n));
    Query words_ = all.build();
    if (t.phrase() <= 0 || titleTerms.size() < 2) {
      return words_;
    }
    PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(2);
    for (String term : titleTerms) {
      phrase.add(new Term(TITLE, term));
    }
    return new BooleanQuery.Builder()
        .add(words_, Occur.MUST)
        .add(new BoostQuery(phrase.build(), t.phrase()), Occur.SHOULD)
        .build();
  }

  private static Query word(String word, RelevanceTuning t, List<String> titleTerms) {
    List<String> text = analyze(ProductAnalyzers.TEXT, word);
    List<String> codes = analyze(ProductAnalyzers.CODES_QUERY, word);
    if (text.isEmpty() && codes.isEmpty()) {
      return null;
    }
    titleTerms.addAll(text);
    List<Query> fields = new ArrayList<>(5);
    if (!text.isEmpty()) {
      field(fields, TITLE, text, t.title());
      field(fields, BRAND_TEXT, text, t.brand());
      field(fields, DESCRIPTION, text, t.description());
      field(fields, CATEGORY_TEXT, text, t.category());
    }
    if (!codes.isEmpty()) {
      field(fields, CODES, codes, t.codes());
    }
    return fields.isEmpty() ? null : new DisjunctionMaxQuery(fields, t.tie());
  }

  /** Adds the clause for {@code terms} in {@code field}; a field weighted 0 is not searched. */
  private static void field(List<Query> out, String field, List<String> terms, float boost) {
    if (boost <= 0f) {
      return;
    }
    Query q;
    if (terms.size() == 1) {
      q = new TermQuery(new Term(field, terms.get(0)));
    } else {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      for (String term : terms) {
        b.add(new TermQuery(new Term(field, term)), Occur.SHOULD);
      }
      q = b.build();
    }
    out.add(boost == 1f ? q : new BoostQuery(q, boost));
  }

  /**
   * Every filter of {@code r} plus {@code main} (match-all when null) as one query. A keyword
   * filter for which {@code everyDocument} holds (every document of the index carries the term,
   * such as {@code country_code=US} on a US-only catalog) is left out: it would remove nothing and
   * costs a conjunction over every match.
   */
  static Query filtered(Query main, SearchRequest r, Predicate<Term> everyDocument) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(main == null ? new MatchAllDocsQuery() : main, Occur.MUST);
    Filters f = new Filters(b, everyDocument);
    f.term(DOMAIN, lower(r.domain()));
    f.term(MERCHANT_ID, trim(r.merchantId()));
    f.term(REGION, lower(r.region()));
    f.term(COUNTRY, upper(r.countryCode()));
    f.term(CATEGORY, categorySlug(r.category()));
    f.term(
        BRAND,
        r.brand() == null || r.brand().isBlank() ? null : ProductDocuments.brandKey(r.brand()));
    f.term(AVAILABILITY, lower(r.availability()));
    if (r.minPriceUsd() != null || r.maxPriceUsd() != null) {
      double min =
          r.minPriceUsd() == null ? Double.NEGATIVE_INFINITY : r.minPriceUsd().doubleValue();
      double max =
          r.maxPriceUsd() == null ? Double.POSITIVE_INFINITY : r.maxPriceUsd().doubleValue();
      b.add(DoublePoint.newRangeQuery(PRICE_USD, min, max), Occur.FILTER);
    }
    if (r.minDiscountPct() != null) {
      b.add(
          DoublePoint.newRangeQuery(
              DISCOUNT, r.minDiscountPct().doubleValue(), Double.POSITIVE_INFINITY),
          Occur.FILTER);
    }
    hide(b, r.hiddenCountries());
    return b.build();
  }

  static void hide(BooleanQuery.Builder b, java.util.Set<String> hiddenCountries) {
    for (String cc : hiddenCountries) {
      b.add(new TermQuery(new Term(COUNTRY, cc.trim().toUpperCase(Locale.ROOT))), Occur.MUST_NOT);
    }
  }

  /**
   * A slug as given, or a path ({@code Electronics > Audio}, {@code electronics/audio}) as slug.
   */
  static String categorySlug(String category) {
    if (category == null || category.isBlank()) {
      return null;
    }
    String c = category.trim();
    if (c.contains(">") || c.contains("/")) {
      return Categories.slugOf(Arrays.asList(c.split("\\s*[>/]\\s*")));
    }
    return c.toLowerCase(Locale.ROOT);
  }

  private record Filters(BooleanQuery.Builder b, Predicate<Term> everyDocument) {
    void term(String field, String value) {
      if (value == null || value.isEmpty()) {
        return;
      }
      Term t = new Term(field, value);
      if (!everyDocument.test(t)) {
        b.add(new TermQuery(t), Occur.FILTER);
      }
    }
  }

  static List<String> analyze(Analyzer analyzer, String text) {
    List<String> out = new ArrayList<>(2);
    try (TokenStream ts = analyzer.tokenStream("q", text)) {
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

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static String lower(String s) {
    return s == null || s.isBlank() ? null : s.trim().toLowerCase(Locale.ROOT);
  }

  private static String upper(String s) {
    return s == null || s.isBlank() ? null : s.trim().toUpperCase(Locale.ROOT);
  }
}
