package ai.buywhere.search;

import static ai.buywhere.search.ProductFields.*;

import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

/**
 * Sort orders on doc values. Products without the sorted value (no price, no rating) always come
 * last; ties fall back to relevance, then to the newest.
 */
final class SearchSorts {
  private static final SortField SCORE = SortField.FIELD_SCORE;
  private static final SortField NEWEST = new SortField(UPDATED, SortField.Type.LONG, true);

  private static final Sort BY_RELEVANCE = new Sort(SCORE, NEWEST);
  private static final Sort PRICE_ASC =
      new Sort(dbl(PRICE_USD, false, Double.POSITIVE_INFINITY), SCORE);
  private static final Sort PRICE_DESC =
      new Sort(dbl(PRICE_USD, true, Double.NEGATIVE_INFINITY), SCORE);
  private static final Sort BY_NEWEST = new Sort(NEWEST, SCORE);
  private static final Sort BY_RATING =
      new Sort(dbl(RATING, true, Double.NEGATIVE_INFINITY), reviews(), SCORE);
  private static final Sort DISCOUNT_DESC =
      new Sort(dbl(DISCOUNT, true, Double.NEGATIVE_INFINITY), SCORE, NEWEST);

  private SearchSorts() {}

  static Sort of(SortOrder order) {
    return switch (order) {
      case RELEVANCE -> BY_RELEVANCE;
      case PRICE_ASC -> PRICE_ASC;
      case PRICE_DESC -> PRICE_DESC;
      case NEWEST -> BY_NEWEST;
      case RATING -> BY_RATING;
      case DISCOUNT -> DISCOUNT_DESC;
    };
  }

  /** Where {@code sort} keeps the score among a hit's sort values, or -1 when it does not. */
  static int scorePosition(Sort sort) {
    SortField[] fields = sort.getSort();
    for (int i = 0; i < fields.length; i++) {
      if (fields[i].getType() == SortField.Type.SCORE) {
        return i;
      }
    }
    return -1;
  }

  private static SortField reviews() {
    SortField f = new SortField(REVIEWS, SortField.Type.LONG, true);
    f.setMissingValue(Long.MIN_VALUE);
    return f;
  }

  private static SortField dbl(String field, boolean reverse, double missing) {
    SortField f = new SortField(field, SortField.Type.DOUBLE, reverse);
    f.setMissingValue(missing);
    return f;
  }
}
