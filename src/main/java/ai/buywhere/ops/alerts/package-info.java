/**
 * Alerting: the rules file ({@code ops/alert-rules.yml}, overridable with {@code ALERT_RULES_FILE})
 * carrying the runbooks' thresholds, the in-process {@link ai.buywhere.ops.alerts.AlertEvaluator}
 * that reads gauges from the metric registry and persists pending → firing → resolved states in the
 * database, the {@link ai.buywhere.ops.alerts.AlertListener} hook other features subscribe to
 * (auto-actions, incidents, notifications), the Prometheus rules export and the {@code buywhere
 * alerts} command.
 */
package ai.buywhere.ops.alerts;
