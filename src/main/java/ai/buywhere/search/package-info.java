/**
 * Search: a Lucene index on local disk derived from the catalog. It follows the catalog's change
 * sequence (near-real-time), catches up at start-up, and is rebuilt from the database by {@code
 * buywhere reindex}.
 *
 * <p>Public: {@link ai.buywhere.search.ProductSearch} and its records (the seam), {@link
 * ai.buywhere.search.SearchService} (what the application wires: writer mode with the {@link
 * ai.buywhere.search.SearchIndexer}, or read-only for a second process), {@link
 * ai.buywhere.search.SearchIndex} (lock detection via {@code tryOpenWriter}, {@link
 * ai.buywhere.search.IndexLockedException}) and {@link ai.buywhere.search.RelevanceTuning}.
 * Package-private: analysis ({@code ProductAnalyzers}), the document mapping ({@code
 * ProductDocuments}, {@code ProductFields}) and query building ({@code ProductQueries}, {@code
 * SimilarQueries}, {@code SearchSorts}). See {@code docs/search.md}.
 */
package ai.buywhere.search;
