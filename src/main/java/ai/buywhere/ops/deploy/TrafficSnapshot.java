package ai.buywhere.ops.deploy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cumulative request counters of one scrape of {@code /metrics}: total requests, 5xx responses,
 * and the {@code http_request_duration_seconds} histogram summed over all label sets. Two snapshots
 * give the traffic of the interval between them ({@link #minus}).
 *
 * @param buckets upper bound in seconds → cumulative count (including +Inf)
 */
record TrafficSnapshot(double requests, double errors5xx, TreeMap<Double, Double> buckets) {

  static final String REQUESTS = "http_requests_total";
  static final String DURATION_BUCKET = "http_request_duration_seconds_bucket";

  static TrafficSnapshot of(List<MetricSample> samples) {
    double requests = 0;
    double errors = 0;
    TreeMap<Double, Double> buckets = new TreeMap<>();
    for (MetricSample s : samples) {
      if (s.name().equals(REQUESTS)) {
        requests += s.value();
        String status = s.labels().getOrDefault("status", "");
        if (status.startsWith("5")) {
          errors += s.value();
        }
      } else if (s.name().equals(DURATION_BUCKET)) {
        String le = s.labels().get("le");
        if (le != null) {
          double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
          buckets.merge(bound, s.value(), Double::sum);
        }
      }
    }
    return new TrafficSnapshot(requests, errors, buckets);
  }

  /** The traffic between {@code earlier} and this snapshot (a restart resets to this one). */
  TrafficSnapshot minus(TrafficSnapshot earlier) {
    if (requests < earlier.requests) {
      return this;
    }
    TreeMap<Double, Double> delta = new TreeMap<>();
    for (Map.Entry<Double, Double> e : buckets.entrySet()) {
      delta.put(e.getKey(), e.getValue() - earlier.buckets.getOrDefault(e.getKey(), 0.0));
    }
    return new TrafficSnapshot(requests - earlier.requests, errors5xx - earlier.errors5xx, delta);
  }

  /** 5xx share in percent; 0 when there was no traffic. */
  double errorRatePercent() {
    return requests <= 0 ? 0 : 100.0 * errors5xx / requests;
  }

  /**
   * The q-quantile latency in milliseconds, interpolated linearly inside the bucket as Prometheus's
   * {@code histogram_quantile} does; NaN when there was no traffic.
   */
  double quantileMillis(double q) {
    if (buckets.isEmpty()) {
      return Double.NaN;
    }
    double total = buckets.lastEntry().getValue();
    if (total <= 0) {
      return Double.NaN;
    }
    double rank = q * total;
    double prevBound = 0;
    double prevCount = 0;
    for (Map.Entry<Double, Double> e : buckets.entrySet()) {
      double bound = e.getKey();
      double count = e.getValue();
      if (count >= rank) {
        if (Double.isInfinite(bound)) {
          return prevBound * 1000;
        }
        double inBucket = count - prevCount;
        double fraction = inBucket <= 0 ? 1 : (rank - prevCount) / inBucket;
        return (prevBound + (bound - prevBound) * fraction) * 1000;
      }
      prevBound = bound;
      prevCount = count;
    }
    return prevBound * 1000;
  }
}
