/**
 * Turns what a fetcher read ({@link ai.buywhere.ingest.normalize.RawProduct}) into a catalog {@link
 * ai.buywhere.catalog.ProductInput}: prices from strings, locales and minor units, ISO 4217
 * currencies, availability, structured specs, category paths, region and country from the source.
 * Pure functions; thread-safe.
 */
package ai.buywhere.ingest.normalize;
