package ai.buywhere.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import org.HdrHistogram.Histogram;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Load generator for {@code GET /v1/products/search} over loopback: Jetty's asynchronous HTTP/1.1
 * client, keep-alive, no thread blocked per request, so that the client takes as little of the
 * host's CPU from the server as a JVM client can. Phase 1, closed loop: {@code connections} clients
 * each send the next query as soon as the previous answer arrived, for {@code closedSecs}: the
 * maximum throughput. Phase 2, open loop at half of it (or at {@code RATE}): request i is sent at
 * {@code start + i / rate} whatever is still in flight, on up to 64 connections; its latency is
 * measured from the time it was due, not from when it left (coordinated-omission correction, as
 * wrk2 does), so a stall of the server or of the client counts against every request it delayed.
 *
 * <p>Usage: {@code HttpLoadGen BASE_URL API_KEY|- QUERIES.tsv CONNECTIONS CLOSED_SECS OPEN_SECS
 * [RATE]}. Queries are the seeded popularity-weighted dev mix, with {@code
 * country_code=US&limit=20} (the catalog is the US market; without it the contract's default market
 * SG would apply).
 */
public final class HttpLoadGen {
  /** Connections the open loop may use: as many requests as that can be in flight at once. */
  static final int OPEN_LOOP_CONNECTIONS = 64;

  private HttpLoadGen() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String key = args[1];
    List<String> queries = QueryMix.sample(Path.of(args[2]), 50_000, QueryMix.SEED);
    int connections = Integer.parseInt(args[3]);
    double closedSecs = Double.parseDouble(args[4]);
    double openSecs = Double.parseDouble(args[5]);
    List<URI> uris =
        queries.stream()
            .map(
                q ->
                    URI.create(
                        base
                            + "/v1/products/search?country_code=US&limit=20&q="
                            + URLEncoder.encode(q, StandardCharsets.UTF_8)))
            .toList();
    HttpClient client = new HttpClient();
    QueuedThreadPool threads = new QueuedThreadPool(8, 2);
    threads.setName("load");
    threads.setDaemon(true);
    client.setExecutor(threads);
    client.setMaxConnectionsPerDestination(Math.max(connections, OPEN_LOOP_CONNECTIONS));
    client.setMaxRequestsQueuedPerDestination(1 << 20);
    client.setFollowRedirects(false);
    client.start();
    try {
      Load load = new Load(client, uris, key.equals("-") ? null : "Bearer " + key);
      load.closed(connections, Math.max(2, closedSecs / 3), null); // warm-up
      load.reset();
      Histogram closed = Latency.concurrentHistogram();
      double seconds = load.closed(connections, closedSecs, closed);
      double max = closed.getTotalCount() / seconds;
      System.out.println(
          Latency.summary("closed loop, " + connections + " conns", closed, seconds));
      load.report();
      double rate = args.length > 6 ? Double.parseDouble(args[6]) : max / 2;
      Histogram open = Latency.concurrentHistogram();
      double openElapsed = load.open(rate, openSecs, open);
      System.out.println(
          Latency.summary(
              String.format("open loop @ %.0f req/s (CO-corrected)", rate), open, openElapsed));
      load.report();
    } finally {
      client.stop();
    }
  }

  /** Shared request stream and counters. */
  static final class Load {
    private final HttpClient client;
    private final List<URI> uris;
    private final String authorization;
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong ok = new AtomicLong();

    Load(HttpClient client, List<URI> uris, String authorization) {
      this.client = client;
      this.uris = uris;
      this.authorization = authorization;
    }

    void report() {
      System.out.printf(
          "  (200 responses %d, other/failed %d, mean body %.0f bytes)%n",
          ok.get(), errors.get(), bytes.get() / (double) Math.max(1, ok.get()));
      reset();
    }

    void reset() {
      ok.set(0);
      errors.set(0);
      bytes.set(0);
    }

    /** {@code connections} clients, each sending its next request when the last one completed. */
    double closed(int connections, double secs, Histogram into) throws InterruptedException {
      long t0 = System.nanoTime();
      long end = t0 + (long) (secs * 1e9);
      CountDownLatch stopped = new CountDownLatch(connections);
      for (int c = 0; c < connections; c++) {
        new LongConsumer() {
          @Override
          public void accept(long sentAt) {
            long now = System.nanoTime();
            if (sentAt > 0 && into != null) {
              into.recordValue(Math.min((now - sentAt) / 1000, into.getHighestTrackableValue()));
            }
            if (now < end) {
              send(now, this);
            } else {
              stopped.countDown();
            }
          }
        }.accept(0);
      }
      stopped.await();
      return (System.nanoTime() - t0) / 1e9;
    }

    /** Request i is sent at {@code t0 + i / rate}; latency counts from then. */
    double open(double rate, double secs, Histogram into) throws InterruptedException {
      long total = (long) (rate * secs);
      CountDownLatch done = new CountDownLatch((int) total);
      long t0 = System.nanoTime() + 50_000_000L;
      double interval = 1e9 / rate;
      LongConsumer record =
          due -> {
            into.recordValue(
                Math.min((System.nanoTime() - due) / 1000, into.getHighestTrackableValue()));
            done.countDown();
          };
      for (long i = 0; i < total; i++) {
        long due = t0 + (long) (i * interval);
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
          LockSupport.parkNanos(wait);
        }
        send(due, record);
      }
      done.await();
      return (System.nanoTime() - t0) / 1e9;
    }

    /** Sends the next query; {@code then} gets {@code stamp} back once the exchange completed. */
    private void send(long stamp, LongConsumer then) {
      URI uri = uris.get((int) (next.getAndIncrement() % uris.size()));
      AtomicLong received = new AtomicLong();
      client
          .newRequest(uri)
          .timeout(30, TimeUnit.SECONDS)
          .headers(
              h -> {
                if (authorization != null) {
                  h.put(HttpHeader.AUTHORIZATION, authorization);
                }
              })
          .onResponseContent(
              (Response r, ByteBuffer content) -> received.addAndGet(content.remaining()))
          .send(
              (Result result) -> {
                if (result.isSucceeded() && result.getResponse().getStatus() == 200) {
                  ok.incrementAndGet();
                  bytes.addAndGet(received.get());
                } else {
                  errors.incrementAndGet();
                }
                then.accept(stamp);
              });
    }
  }
}
