/**
 * Storage: the pooled data source, the SQLite/PostgreSQL dialect seam and Flyway migrations ({@code
 * src/main/resources/db/<dialect>}). Features own their tables but reach the database only through
 * {@link ai.buywhere.store.Database}.
 */
package ai.buywhere.store;
