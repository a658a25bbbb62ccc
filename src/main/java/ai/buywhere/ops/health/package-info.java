/**
 * Health and readiness. Features register {@link ai.buywhere.ops.health.HealthCheck}s into one
 * {@link ai.buywhere.ops.health.HealthRegistry}, which runs them in parallel, each bounded by a
 * timeout, and folds them into {@code ok|degraded|unhealthy} for {@code GET /health}. {@link
 * ai.buywhere.ops.health.Readiness} answers {@code GET /ready} for load balancers and Kubernetes
 * (migrations done, index caught up, database answering, not draining).
 */
package ai.buywhere.ops.health;
