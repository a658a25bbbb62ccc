package ai.buywhere.ops.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The access log's {@code latency_ms}: milliseconds with one decimal, rounded half up. */
class AccessLogLatencyTest {
  @ParameterizedTest
  @CsvSource({
    "0, 0.0",
    "49999, 0.0",
    "50000, 0.1",
    "1250000, 1.3",
    "1249999, 1.2",
    "999950000, 1000.0",
    "-5, 0.0"
  })
  void examples(long nanos, String expected) {
    assertThat(HttpMetricsRoutes.millisWithOneDecimal(nanos)).isEqualTo(expected);
  }

  @Property
  void isTheExactValueRoundedHalfUp(
      @ForAll @LongRange(min = 0, max = 3_600_000_000_000L) long nanos) {
    String exact =
        BigDecimal.valueOf(nanos)
            .movePointLeft(6)
            .setScale(1, RoundingMode.HALF_UP)
            .toPlainString();
    assertThat(HttpMetricsRoutes.millisWithOneDecimal(nanos)).isEqualTo(exact);
  }
}
