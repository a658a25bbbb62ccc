package ai.buywhere.ops.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.buywhere.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestWindowTest {
  MutableClock clock = new MutableClock(Instant.parse("2026-04-23T04:00:00Z"));
  RequestWindow window = new RequestWindow(clock, Duration.ofMinutes(5));

  @Test
  void errorRateIsTheFiveXxShareOfTheLastFiveMinutes() {
    for (int i = 0; i < 98; i++) {
      window.record(200, 1_000_000);
    }
    window.record(500, 1_000_000);
    window.record(503, 1_000_000);
    assertThat(window.errorRate()).isCloseTo(0.02, within(1e-9));
    assertThat(window.requestsPerMinute()).isCloseTo(20.0, within(1e-9));

    clock.advance(Duration.ofMinutes(3));
    for (int i = 0; i < 100; i++) {
      window.record(404, 1_000_000);
    }
    assertThat(window.errorRate()).isCloseTo(2 / 200.0, within(1e-9));

    clock.advance(Duration.ofMinutes(2).plusSeconds(10));
    assertThat(window.errorRate()).isZero();
    assertThat(window.requestsPerMinute()).isCloseTo(20.0, within(1e-9));

    clock.advance(Duration.ofMinutes(5));
    assertThat(window.errorRate()).isZero();
    assertThat(window.requestsPerMinute()).isZero();
  }

  @Test
  void quantilesComeFromTheRecentLatencies() {
    for (int i = 1; i <= 100; i++) {
      window.record(200, i * 10_000_000L); // 10 ms .. 1000 ms
    }
    assertThat(window.quantileSeconds(0.5)).isCloseTo(0.5, within(0.01));
    assertThat(window.quantileSeconds(0.95)).isCloseTo(0.95, within(0.01));
    assertThat(window.quantileSeconds(0.99)).isCloseTo(0.99, within(0.01));
    clock.advance(Duration.ofMinutes(6));
    assertThat(window.quantileSeconds(0.99)).isZero();
  }
}
