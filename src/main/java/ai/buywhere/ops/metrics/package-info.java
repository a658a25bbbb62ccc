/**
 * Prometheus metrics for the whole process: one {@link ai.buywhere.ops.metrics.Metrics} registry
 * (Micrometer, Prometheus text at {@code GET /metrics}), HTTP request metrics recorded by {@link
 * ai.buywhere.ops.metrics.HttpMetricsRoutes} with route-template labels, a five-minute {@link
 * ai.buywhere.ops.metrics.RequestWindow} behind {@code error_rate} and the recent latency
 * quantiles, and the JSON/text log format switch. Other features register their gauges through
 * {@link ai.buywhere.ops.metrics.Metrics#gauge} and {@link
 * ai.buywhere.ops.metrics.Metrics#multiGauge}.
 */
package ai.buywhere.ops.metrics;
