package ai.buywhere.search;

/**
 * Field weights and matching rules of free-text search, chosen on the dev match pairs (see {@code
 * docs/search.md}); public so the relevance evaluation can compare variants.
 *
 * @param title weight of a word found in the title
 * @param brand weight of a word found in the brand
 * @param description weight of a word found in the description
 * @param category weight of a word found in the category path
 * @param codes weight of a model number or code (whole or as a suffix)
 * @param tie dis-max tie breaker: how much the non-best fields of one word add
 * @param minMatchPct for queries of three words or more, the share of words a hit must contain (one
 *     and two-word queries need every word)
 * @param phrase weight of the whole query appearing as a sloppy phrase in the title
 */
public record RelevanceTuning(
    float title,
    float brand,
    float description,
    float category,
    float codes,
    float tie,
    int minMatchPct,
    float phrase) {

  public static final RelevanceTuning DEFAULT =
      new RelevanceTuning(3.0f, 2.0f, 1.0f, 0.5f, 6.0f, 0.1f, 20, 1.0f);

  /** How many of {@code words} a hit must match. */
  public int minimumShouldMatch(int words) {
    if (words <= 2) {
      return words;
    }
    return Math.max(2, (int) Math.ceil(words * minMatchPct / 100.0));
  }
}
