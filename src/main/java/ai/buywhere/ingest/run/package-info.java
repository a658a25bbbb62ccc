/**
 * Runs and the work queue. {@code ingest_runs} is both the run record and the queue: triggers
 * insert {@code queued} rows (a partial unique index allows one queued-or-running run per source),
 * workers claim them ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL; SQLite's single writer via
 * {@code BEGIN IMMEDIATE}), heartbeat them while running, and finish them. A run whose worker stops
 * heartbeating is re-queued by any other worker; failed runs are retried up to their attempt limit.
 * Catalog writes happen chunk by chunk through {@link ai.buywhere.catalog.CatalogWriter}, each
 * chunk one transaction, so a killed worker leaves whole chunks or nothing.
 */
package ai.buywhere.ingest.run;
