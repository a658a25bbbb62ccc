package ai.buywhere.mcp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Captures the Reactor schedulers an SDK object creates while it is built, so that their owner can
 * dispose them. Needed because the SDK's Streamable HTTP transport starts its session sweeper on a
 * {@code Schedulers.newSingle} scheduler (a non-daemon thread) that neither {@code
 * closeGracefully()} nor {@code destroy()} disposes: left alone it keeps the JVM alive after
 * shutdown. Uses Reactor's additive executor-service decorator hook (the executor is returned
 * unchanged), so no global scheduler factory is replaced; only the sweeper's scheduler (matched by
 * its thread name), created on the capturing thread inside {@link #capture}, is recorded.
 */
final class OwnedSchedulers {
  private static final String KEY = "buywhere-mcp-owned-schedulers";
  static final String SWEEPER_NAME = "streamable-http-server-transport-session-sweeper";
  private static final ThreadLocal<List<Scheduler>> CAPTURING = new ThreadLocal<>();

  static {
    Schedulers.addExecutorServiceDecorator(
        KEY,
        (scheduler, executor) -> {
          List<Scheduler> into = CAPTURING.get();
          // only the transport's own single scheduler: shared schedulers (boundedElastic,
          // parallel) may be created lazily in the same window and must never be disposed here
          if (into != null && String.valueOf(scheduler).contains(SWEEPER_NAME)) {
            into.add(scheduler);
          }
          return executor;
        });
  }

  private final List<Scheduler> owned = new ArrayList<>();

  /** Runs {@code build} and keeps every scheduler it created. */
  synchronized <T> T capture(Supplier<T> build) {
    List<Scheduler> created = new ArrayList<>();
    CAPTURING.set(created);
    try {
      return build.get();
    } finally {
      CAPTURING.remove();
      owned.addAll(created);
    }
  }

  /** Disposes the captured schedulers (their threads end). */
  synchronized void dispose() {
    owned.forEach(Scheduler::dispose);
    owned.clear();
  }
}
