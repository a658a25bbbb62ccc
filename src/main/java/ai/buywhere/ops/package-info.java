/**
 * The operations surface the runbooks drive. {@link ai.buywhere.ops.Observability} wires metrics,
 * health, readiness, the alert evaluator and notifications into one object the composition root
 * holds; the sub-packages hold the pieces.
 */
package ai.buywhere.ops;
