package ai.buywhere.search;

import static ai.buywhere.search.ProductFields.*;

import ai.buywhere.catalog.Categories;
import ai.buywhere.catalog.Product;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The "similar products" query: one boolean query whose constant-score identity clauses (same GTIN,
 * same normalised model number, the model number among another product's codes) outweigh any text
 * score, so the same real-world product at other merchants ranks first; then the product's title as
 * free text (BM25, fewer words required than a search), nudged by brand and category. The product
 * itself and hidden markets are excluded.
 */
final class SimilarQueries {
  static final float GTIN_BOOST = 1000f;
  static final float MODEL_BOOST = 500f;
  static final float CODE_BOOST = 200f;

  private SimilarQueries() {}

  static Query of(Product p, Set<String> hiddenCountries, RelevanceTuning t) {
    BooleanQuery.Builder should = new BooleanQuery.Builder();
    String gtin = ProductDocuments.gtinKey(p.gtin());
    if (gtin != null) {
      should.add(constant(new TermQuery(new Term(GTIN, gtin)), GTIN_BOOST), Occur.SHOULD);
    }
    String model = ProductDocuments.modelKey(p);
    if (model != null) {
      should.add(constant(new TermQuery(new Term(MODEL, model)), MODEL_BOOST), Occur.SHOULD);
      should.add(constant(new TermQuery(new Term(CODES, model)), CODE_BOOST), Occur.SHOULD);
    }
    RelevanceTuning loose =
        new RelevanceTuning(
            t.title(),
            t.brand(),
            t.description(),
            t.category(),
            t.codes(),
            t.tie(),
            Math.min(t.minMatchPct(), 40),
            t.phrase());
    Query title = ProductQueries.text(p.title(), loose);
    if (title != null) {
      should.add(title, Occur.SHOULD);
    }
    if (ProductDocuments.notBlank(p.brand())) {
      should.add(
          new BoostQuery(
              new TermQuery(new Term(BRAND, ProductDocuments.brandKey(p.brand()))), 0.5f),
          Occur.SHOULD);
    }
    List<String> slugs = Categories.ancestorSlugs(p.categoryPath());
    if (!slugs.isEmpty()) {
      should.add(
          new BoostQuery(new TermQuery(new Term(CATEGORY, slugs.get(slugs.size() - 1))), 0.5f),
          Occur.SHOULD);
    }
    should.setMinimumNumberShouldMatch(1);
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(should.build(), Occur.MUST);
    b.add(new TermQuery(new Term(ID, p.id())), Occur.MUST_NOT);
    ProductQueries.hide(b, hiddenCountries);
    return b.build();
  }

  private static Query constant(Query q, float boost) {
    return new BoostQuery(new ConstantScoreQuery(q), boost);
  }
}
