package ai.buywhere.auth;

import ai.buywhere.api.ApiException;
import ai.buywhere.api.ErrorCode;
import ai.buywhere.store.Database;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates, finds, revokes and rotates API keys. Lookups by secret go through a small cache keyed by
 * the secret's hash ({@code KEY_CACHE_SECONDS}); a revoke or rotate on this node takes effect at
 * once, on other nodes within that TTL. Only hits are cached, so a key created on another node
 * works immediately. Thread-safe; {@link #close()} flushes pending {@code last_used_at} times.
 */
public final class ApiKeyService implements AutoCloseable {
  private final ApiKeyRepository repository;
  private final Clock clock;
  private final KeySecrets secrets;
  private final Cache<String, ApiKey> byHash;
  private final LastUsedTracker lastUsed;

  public ApiKeyService(Database db, Clock clock, Duration cacheTtl, Duration lastUsedFlush) {
    this.repository = new ApiKeyRepository(db);
    this.clock = clock;
    this.secrets = new KeySecrets(new SecureRandom());
    this.byHash = Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(100_000).build();
    this.lastUsed = new LastUsedTracker(repository, lastUsedFlush);
  }

  /** For one-shot use (CLI): short cache, last-used flushed on close. */
  public static ApiKeyService open(Database db, Clock clock) {
    return new ApiKeyService(db, clock, Duration.ofSeconds(5), Duration.ofSeconds(30));
  }

  public IssuedKey create(NewKey req) {
    String secret = secrets.generate(req.tier());
    ApiKey key =
        new ApiKey(
            UUID.randomUUID().toString(),
            req.name(),
            req.tier(),
            req.role(),
            KeySecrets.displayPrefix(secret),
            req.contact(),
            req.useCase(),
            clock.instant(),
            req.expiresAt(),
            null,
            null,
            null);
    repository.insert(key, KeySecrets.hash(secret));
    return new IssuedKey(key, secret);
  }

  public List<ApiKey> list() {
    return repository.list();
  }

  public Optional<ApiKey> find(String id) {
    return repository.findById(id);
  }

  /** Revokes the key; 404 when unknown, 409 when already revoked. */
  public ApiKey revoke(String id) {
    ApiKey existing = repository.findById(id).orElseThrow(() -> notFound(id));
    if (!repository.revoke(id, clock.instant())) {
      throw new ApiException(ErrorCode.CONFLICT, "API key " + id + " is already revoked");
    }
    invalidate(existing.id());
    return repository.findById(id).orElseThrow(() -> notFound(id));
  }

  /** New secret for the same identity (usage, buckets, tier and role carry over). */
  public IssuedKey rotate(String id) {
    ApiKey existing = repository.findById(id).orElseThrow(() -> notFound(id));
    String secret = secrets.generate(existing.tier());
    if (!repository.rotate(
        id, KeySecrets.hash(secret), KeySecrets.displayPrefix(secret), clock.instant())) {
      throw new ApiException(ErrorCode.CONFLICT, "API key " + id + " is revoked and cannot rotate");
    }
    invalidate(existing.id());
    return new IssuedKey(repository.findById(id).orElseThrow(() -> notFound(id)), secret);
  }

  /** The key a well-formed secret belongs to, whatever its status; empty when unknown. */
  public Optional<ApiKey> lookup(String secret) {
    String hash = KeySecrets.hash(secret);
    ApiKey cached = byHash.getIfPresent(hash);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<ApiKey> found = repository.findByHash(hash);
    found.ifPresent(k -> byHash.put(hash, k));
    return found;
  }

  /** The key of a secret when it is well-formed, known and active now. */
  public Optional<ApiKey> active(String secret) {
    if (!KeySecrets.wellFormed(secret)) {
      return Optional.empty();
    }
    return lookup(secret).filter(k -> k.status(clock.instant()) == ApiKey.Status.ACTIVE);
  }

  /** Notes a successful use; written in the next batch, not now. */
  void recordUse(ApiKey key) {
    lastUsed.record(key.id(), clock.millis());
  }

  /** Writes pending last-used times now (tests, shutdown). */
  public void flushLastUsed() {
    lastUsed.flush();
  }

  private void invalidate(String id) {
    byHash.asMap().values().removeIf(k -> k.id().equals(id));
  }

  private static ApiException notFound(String id) {
    return ApiException.notFound("No API key with id " + id);
  }

  @Override
  public void close() {
    lastUsed.close();
  }
}
