/**
 * The sources registry: validated source specs, the repository (shared by API, CLI and workers
 * through the database), YAML loading, glob selection, and the action log of every control and
 * automatic action.
 */
package ai.buywhere.ingest.source;
