package ai.buywhere.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** HdrHistogram helpers: microsecond histograms up to 60 s, one summary line per run. */
final class Latency {
  private Latency() {}

  static Histogram histogram() {
    return new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
  }

  /** The same, safe to record into from several threads at once. */
  static Histogram concurrentHistogram() {
    return new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
  }

  static String summary(String label, Histogram h, double seconds) {
    return String.format(
        "%-34s n=%d  %.0f req/s  p50=%.3f ms  p90=%.3f ms  p99=%.3f ms  p99.9=%.3f ms  max=%.3f ms",
        label,
        h.getTotalCount(),
        h.getTotalCount() / seconds,
        h.getValueAtPercentile(50) / 1000.0,
        h.getValueAtPercentile(90) / 1000.0,
        h.getValueAtPercentile(99) / 1000.0,
        h.getValueAtPercentile(99.9) / 1000.0,
        h.getMaxValue() / 1000.0);
  }
}
