package ai.buywhere.cli;

import ai.buywhere.app.Application;
import ai.buywhere.ingest.IngestConfig;
import ai.buywhere.ingest.fleet.IngestRuntime;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code buywhere worker}: runs ingestion workers against the shared database until interrupted
 * (SIGTERM/Ctrl-C stops after the runs in hand). Any number of these may run on any hosts.
 */
@Command(name = "worker", description = "Run ingestion workers (shared database queue).")
final class WorkerCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--threads", defaultValue = "1", description = "Worker loops in this process")
  int threads;

  @Option(names = "--name", defaultValue = "worker", description = "Worker id prefix")
  String name;

  @Override
  public Integer call() throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  done.countDown();
                  try {
                    closed.await(60, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }));
    try (Application app = Application.open(common.settings());
        IngestRuntime rt =
            IngestRuntime.create(
                app.database(),
                app.catalogWriter(),
                IngestConfig.from(app.settings()),
                app.clock(),
                new SimpleMeterRegistry())) {
      rt.startWorkers(name, Math.max(1, threads));
      spec.commandLine().getOut().println("ingestion workers running: " + threads);
      spec.commandLine().getOut().flush();
      done.await();
    } finally {
      closed.countDown();
    }
    return 0;
  }
}
