/**
 * PostgreSQL streaming replication and pooling from the application's side: replica health and lag
 * ({@code buywhere replication status}), promotion ({@code replication promote}), read routing to
 * the replica while its lag is under a bound, and PgBouncer pool gauges from {@code SHOW POOLS}.
 * Probes use their own short-timeout connections, never the application pool, so a dead server
 * costs a probe seconds rather than stalling requests.
 */
package ai.buywhere.ops.replication;
