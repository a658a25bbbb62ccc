/**
 * {@code buywhere import}: streams a JSON Lines or CSV product file (optionally gzipped), maps each
 * record to a {@link ai.buywhere.catalog.ProductInput} (field mapping in docs/import.md), validates
 * it with {@link ai.buywhere.catalog.ProductValidator}, and writes valid rows through {@link
 * ai.buywhere.catalog.CatalogWriter} in chunks (one transaction each). Bad rows are rejections with
 * reasons, never failures of the run; only an unreadable file or an unknown format fails it.
 */
package ai.buywhere.importer;
