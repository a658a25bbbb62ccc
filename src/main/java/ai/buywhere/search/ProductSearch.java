package ai.buywhere.search;

import ai.buywhere.catalog.Product;
import java.util.List;
import java.util.Set;

/**
 * Search over the catalog. The seam where a larger deployment would put OpenSearch; today the one
 * implementation is the Lucene index on local disk ({@link LuceneProductSearch}), derived from the
 * catalog and rebuilt by {@code buywhere reindex}.
 *
 * <p>Implementations are thread-safe and read-only for callers; they keep themselves in step with
 * the catalog's change sequence.
 */
public interface ProductSearch {

  SearchResult search(SearchRequest request);

  /**
   * The same real-world product at other merchants first (GTIN, model number, then a strong title
   * match), then related products; never {@code product} itself, never products of {@code
   * hiddenCountries}.
   */
  List<SearchHit> similar(Product product, int limit, Set<String> hiddenCountries);

  /** The change-sequence number the index has applied; readers see every write up to it. */
  long appliedSeq();

  /** Number of live documents. */
  long size();
}
