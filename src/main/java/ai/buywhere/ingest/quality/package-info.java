/**
 * Data quality: per-row validation with reasons, the batch gate that rejects poisoned batches
 * before they reach the catalog, and the per-source quality score. Pure functions; thread-safe.
 */
package ai.buywhere.ingest.quality;
