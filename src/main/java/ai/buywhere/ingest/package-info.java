/**
 * Ingestion: the sources registry, fetchers for merchant formats, normalisation, quality gates, run
 * records, the database-backed work queue shared by workers, fleet health and controls.
 *
 * <p>Layering (each depends only on the ones before it): this package (source model, settings) →
 * {@code normalize} → {@code quality} → {@code fetch} → {@code run} → {@code fleet} → {@code api}.
 * Catalog writes go only through {@link ai.buywhere.catalog.CatalogWriter}. See docs/ingestion.md.
 */
package ai.buywhere.ingest;
