/**
 * Backups of the catalog database: tiered online backups (SQLite {@code VACUUM INTO}, PostgreSQL
 * {@code pg_dump -Fc} in an exported snapshot) with a JSON manifest each, retention, verification
 * by restoring into a scratch database, full and market-scoped restore, pre-deploy backups with a
 * {@code .rollback_state} file, Prometheus textfile and Micrometer gauges, and a scheduler.
 *
 * <p>The file system is the catalogue: a backup exists when its manifest exists, and the manifest
 * is renamed into place only after the data file is complete, so a half-written backup is never
 * listed. Keeping the catalogue out of the database means it survives the loss of the database.
 */
package ai.buywhere.ops.backup;
