package ai.buywhere.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Buckets in this process: Bucket4j local buckets (lock-free CAS) in a bounded Caffeine map. An
 * idle bucket is dropped after a day and a bit, when it would be full again anyway.
 */
final class LocalBucketStore implements BucketStore {
  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(25)).maximumSize(1_000_000).build();
  private final TimeMeter timeMeter;

  LocalBucketStore(TimeMeter timeMeter) {
    this.timeMeter = timeMeter;
  }

  @Override
  public ConsumptionProbe tryConsume(String key, Supplier<BucketConfiguration> configuration) {
    Bucket bucket =
        buckets.get(
            key,
            k -> {
              var builder = Bucket.builder().withCustomTimePrecision(timeMeter);
              for (var bandwidth : configuration.get().getBandwidths()) {
                builder.addLimit(bandwidth);
              }
              return builder.build();
            });
    return bucket.tryConsumeAndReturnRemaining(1);
  }
}
