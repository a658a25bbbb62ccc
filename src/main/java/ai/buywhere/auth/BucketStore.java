package ai.buywhere.auth;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.util.function.Supplier;

/**
 * Where token buckets live: in this process ({@link LocalBucketStore}) or in Redis, shared by every
 * node ({@link RedisBucketStore}). The configuration is only used when the bucket does not exist
 * yet; callers put the limits into the key so a changed limit starts a fresh bucket.
 */
interface BucketStore {
  /** Takes one token; throws when the store cannot answer (Redis down), never blocks long. */
  ConsumptionProbe tryConsume(String key, Supplier<BucketConfiguration> configuration);
}
