package ai.buywhere.ops.deploy;

import java.util.Map;

/** One line of Prometheus text exposition: metric name, labels and value. */
record MetricSample(String name, Map<String, String> labels, double value) {}
