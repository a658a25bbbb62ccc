package ai.buywhere.ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TrafficSnapshotTest {
  static String metrics(long ok, long err, long fast, long slow) {
    long total = ok + err;
    return """
        # HELP http_requests_total Requests
        # TYPE http_requests_total counter
        http_requests_total{endpoint="/v1/products/search",method="GET",status="200"} %d
        http_requests_total{endpoint="/v1/products/search",method="GET",status="503"} %d
        # TYPE http_request_duration_seconds histogram
        http_request_duration_seconds_bucket{endpoint="/v1/products/search",le="0.01"} %d
        http_request_duration_seconds_bucket{endpoint="/v1/products/search",le="0.1"} %d
        http_request_duration_seconds_bucket{endpoint="/v1/products/search",le="1.0"} %d
        http_request_duration_seconds_bucket{endpoint="/v1/products/search",le="+Inf"} %d
        http_request_duration_seconds_count{endpoint="/v1/products/search"} %d
        weird line without value
        odd{le="x} 1
        """
        .formatted(ok, err, fast, fast, fast + slow, total, total);
  }

  @Test
  void parsesCountersAndSkipsMalformedLines() {
    var samples = PrometheusText.parse(metrics(90, 10, 95, 5));
    assertThat(samples).extracting(MetricSample::name).doesNotContain("weird", "odd");
    TrafficSnapshot s = TrafficSnapshot.of(samples);
    assertThat(s.requests()).isEqualTo(100);
    assertThat(s.errors5xx()).isEqualTo(10);
    assertThat(s.errorRatePercent()).isEqualTo(10.0);
  }

  @Test
  void quantilesInterpolateLikeHistogramQuantile() {
    TrafficSnapshot before = TrafficSnapshot.of(PrometheusText.parse(metrics(0, 0, 0, 0)));
    TrafficSnapshot after = TrafficSnapshot.of(PrometheusText.parse(metrics(100, 0, 90, 10)));
    TrafficSnapshot delta = after.minus(before);
    // 90 requests ≤ 10 ms, 10 between 100 ms and 1 s: rank 99 is 9/10 into the (0.1, 1] bucket
    assertThat(delta.quantileMillis(0.99)).isCloseTo(910.0, within(0.01));
    assertThat(delta.quantileMillis(0.5)).isCloseTo(50.0 / 90 * 10, within(0.01));
  }

  @Test
  void aRestartedTargetDoesNotProduceNegativeTraffic() {
    TrafficSnapshot high = TrafficSnapshot.of(PrometheusText.parse(metrics(1000, 0, 1000, 0)));
    TrafficSnapshot low = TrafficSnapshot.of(PrometheusText.parse(metrics(10, 1, 11, 0)));
    assertThat(low.minus(high).requests()).isEqualTo(11);
  }
}
