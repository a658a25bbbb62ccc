package ai.buywhere.search;

import org.apache.lucene.facet.FacetsConfig;

/**
 * Field names of the index and the facet configuration. Text fields are analysed ({@link
 * ProductAnalyzers}); filter fields are exact, lower-cased keywords; numbers are points plus doc
 * values (range filters and sorts without loading documents). {@link #SOURCE} holds the product's
 * full JSON as binary doc values so hits need no database round trip.
 */
final class ProductFields {
  static final String ID = "id";
  static final String SOURCE = "_source";

  static final String TITLE = "title";
  static final String BRAND_TEXT = "brand_text";
  static final String DESCRIPTION = "description";
  static final String CATEGORY_TEXT = "category_text";
  static final String CODES = "codes";

  static final String DOMAIN = "domain";
  static final String MERCHANT_ID = "merchant_id";
  static final String REGION = "region";
  static final String COUNTRY = "country_code";
  static final String CATEGORY = "category";
  static final String BRAND = "brand";
  static final String AVAILABILITY = "availability";
  static final String GTIN = "gtin";
  static final String MODEL = "model";

  static final String PRICE_USD = "price_usd";
  static final String DISCOUNT = "discount";
  static final String RATING = "rating";
  static final String REVIEWS = "reviews";
  static final String UPDATED = "updated_at";

  static final String FACET_BRAND = "brand";
  static final String FACET_DOMAIN = "domain";
  static final String FACET_CATEGORY = "category";
  static final String FACET_PRICE = "price";

  /** USD price buckets: lower bound inclusive, upper exclusive; the last has no upper bound. */
  static final double[] PRICE_BOUNDS = {0, 25, 50, 100, 250, 500, 1000};

  static final String[] PRICE_LABELS = {
    "0-25", "25-50", "50-100", "100-250", "250-500", "500-1000", "1000+"
  };

  static final FacetsConfig FACETS = facetsConfig();

  private ProductFields() {}

  private static FacetsConfig facetsConfig() {
    FacetsConfig c = new FacetsConfig();
    c.setMultiValued(FACET_CATEGORY, true);
    // Facets are counted from doc values only. Filters use their own keyword fields (brand,
    // domain, category, price points), so the drill-down terms FacetsConfig would index by
    // default are never read: leaving them out saves a postings list per facet value.
    for (String dim : new String[] {FACET_BRAND, FACET_DOMAIN, FACET_CATEGORY, FACET_PRICE}) {
      c.setDrillDownTermsIndexing(dim, FacetsConfig.DrillDownTermsIndexing.NONE);
    }
    return c;
  }

  static String priceBucket(double usd) {
    for (int i = PRICE_BOUNDS.length - 1; i >= 0; i--) {
      if (usd >= PRICE_BOUNDS[i]) {
        return PRICE_LABELS[i];
      }
    }
    return PRICE_LABELS[0];
  }
}
