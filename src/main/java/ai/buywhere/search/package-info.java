/**
 * Search: a Lucene index on local disk derived from the catalog. It follows the catalog's change
 * sequence (near-real-time), catches up at start-up, and is rebuilt from the database by {@code
 * buywhere reindex}.
 */
package ai.buywhere.search;
