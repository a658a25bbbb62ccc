/**
 * The worker fleet: {@link ai.buywhere.ingest.fleet.Worker} loops (the {@code buywhere worker}
 * command or inside {@code serve}) that register and heartbeat, schedule due sources, re-queue the
 * runs of dead workers, claim and execute runs, and take the automatic actions (R11); the fleet's
 * health and per-source metrics; and {@link ai.buywhere.ingest.fleet.IngestRuntime}, which wires
 * ingestion together for the composition root.
 */
package ai.buywhere.ingest.fleet;
