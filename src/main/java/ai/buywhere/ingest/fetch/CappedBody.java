package ai.buywhere.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to {@code max} bytes; one byte more cancels the exchange and fails
 * with a {@link FetchException}, so a huge or endless response costs at most {@code max} memory.
 */
final class CappedBody implements BodySubscriber<byte[]> {
  private final long max;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private Flow.Subscription subscription;

  CappedBody(long max) {
    this.max = max;
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer b : items) {
      if (out.size() + (long) b.remaining() > max) {
        subscription.cancel();
        result.completeExceptionally(
            new FetchException("response exceeds the size cap of " + max + " bytes"));
        return;
      }
      byte[] a = new byte[b.remaining()];
      b.get(a);
      out.write(a, 0, a.length);
    }
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    result.complete(out.toByteArray());
  }
}
