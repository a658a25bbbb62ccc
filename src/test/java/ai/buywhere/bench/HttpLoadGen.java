package ai.buywhere.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Load generator for {@code GET /v1/products/search} over loopback (java.net.http, HTTP/1.1,
 * keep-alive). Phase 1, closed loop: {@code connections} clients each send the next query as soon
 * as the previous answer arrived, for {@code closedSecs}: the maximum throughput. Phase 2, open
 * loop at half of it: request i is due at {@code start + i / rate}; its latency is measured from
 * the time it was due, not from when a client got round to sending it (coordinated-omission
 * correction, as wrk2 does), so a stall counts against every request it delayed.
 *
 * <p>Usage: {@code HttpLoadGen BASE_URL API_KEY|- QUERIES.tsv CONNECTIONS CLOSED_SECS OPEN_SECS
 * [RATE]}. Queries are the seeded popularity-weighted dev mix, with {@code
 * country_code=US&limit=20} (the catalog is the US market; without it the contract's default market
 * SG would apply).
 */
public final class HttpLoadGen {
  private HttpLoadGen() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String key = args[1];
    List<String> queries = QueryMix.sample(Path.of(args[2]), 50_000, QueryMix.SEED);
    int connections = Integer.parseInt(args[3]);
    double closedSecs = Double.parseDouble(args[4]);
    double openSecs = Double.parseDouble(args[5]);
    List<HttpRequest> requests = new ArrayList<>(queries.size());
    for (String q : queries) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(
                  URI.create(
                      base
                          + "/v1/products/search?country_code=US&limit=20&q="
                          + URLEncoder.encode(q, StandardCharsets.UTF_8)))
              .timeout(Duration.ofSeconds(30))
              .GET();
      if (!key.equals("-")) {
        b.header("Authorization", "Bearer " + key);
      }
      requests.add(b.build());
    }
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    Load load = new Load(client, requests);
    load.closed(connections, Math.max(2, closedSecs / 3), null); // warm-up
    load.reset();
    Histogram closed = Latency.histogram();
    double seconds = load.closed(connections, closedSecs, closed);
    double max = closed.getTotalCount() / seconds;
    System.out.println(Latency.summary("closed loop, " + connections + " conns", closed, seconds));
    load.report();
    double rate = args.length > 6 ? Double.parseDouble(args[6]) : max / 2;
    Histogram open = Latency.histogram();
    double openElapsed = load.open(Math.max(connections, 64), rate, openSecs, open);
    System.out.println(
        Latency.summary(
            String.format("open loop @ %.0f req/s (CO-corrected)", rate), open, openElapsed));
    load.report();
  }

  /** Shared request stream and error counters. */
  static final class Load {
    private final HttpClient client;
    private final List<HttpRequest> requests;
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong ok = new AtomicLong();

    Load(HttpClient client, List<HttpRequest> requests) {
      this.client = client;
      this.requests = requests;
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

    double closed(int connections, double secs, Histogram into) throws InterruptedException {
      long end = System.nanoTime() + (long) (secs * 1e9);
      long t0 = System.nanoTime();
      run(
          connections,
          h -> {
            while (System.nanoTime() < end) {
              long start = System.nanoTime();
              send();
              h.recordValue(
                  Math.min((System.nanoTime() - start) / 1000, h.getHighestTrackableValue()));
            }
          },
          into);
      return (System.nanoTime() - t0) / 1e9;
    }

    double open(int workers, double rate, double secs, Histogram into) throws InterruptedException {
      long total = (long) (rate * secs);
      long t0 = System.nanoTime() + 50_000_000L;
      double interval = 1e9 / rate;
      AtomicLong slot = new AtomicLong();
      run(
          workers,
          h -> {
            long i;
            while ((i = slot.getAndIncrement()) < total) {
              long due = t0 + (long) (i * interval);
              long wait;
              while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
              }
              send();
              h.recordValue(
                  Math.min((System.nanoTime() - due) / 1000, h.getHighestTrackableValue()));
            }
          },
          into);
      return (System.nanoTime() - t0) / 1e9;
    }

    private void send() {
      HttpRequest r = requests.get((int) (next.getAndIncrement() % requests.size()));
      try {
        HttpResponse<byte[]> resp = client.send(r, HttpResponse.BodyHandlers.ofByteArray());
        if (resp.statusCode() == 200) {
          ok.incrementAndGet();
          bytes.addAndGet(resp.body().length);
        } else {
          errors.incrementAndGet();
        }
      } catch (Exception e) {
        errors.incrementAndGet();
      }
    }

    private interface Worker {
      void run(Histogram h);
    }

    private static void run(int threads, Worker w, Histogram into) throws InterruptedException {
      List<Thread> all = new ArrayList<>();
      List<Histogram> hs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Histogram h = Latency.histogram();
        hs.add(h);
        Thread thread = new Thread(() -> w.run(h), "load-" + t);
        thread.start();
        all.add(thread);
      }
      for (Thread t : all) {
        t.join();
      }
      if (into != null) {
        hs.forEach(into::add);
      }
    }
  }
}
