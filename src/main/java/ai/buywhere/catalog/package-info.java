/**
 * The catalog: the system of record for products, their price history and categories.
 *
 * <p>All writes go through {@link ai.buywhere.catalog.CatalogWriter} (upsert on {@code (sku,
 * source)}, chunked transactions, price history on change, change sequence advanced). Reads go
 * through {@link ai.buywhere.catalog.CatalogRepository}; its {@code changesSince} feed is what
 * keeps every search index in step with the database.
 */
package ai.buywhere.catalog;
