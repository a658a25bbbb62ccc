package ai.buywhere.ops.deploy;

import ai.buywhere.shared.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code buywhere checklist list|show|run|sign}: the go-live checklists as data (R46). */
@Command(
    name = "checklist",
    mixinStandardHelpOptions = true,
    description = "Go-live and US-launch checklists: run automatable items, record sign-offs.",
    subcommands = {
      ChecklistCommand.ListCmd.class,
      ChecklistCommand.Show.class,
      ChecklistCommand.Run.class,
      ChecklistCommand.Sign.class
    })
public final class ChecklistCommand implements Runnable {
  @Override
  public void run() {
    System.out.println("use: buywhere checklist list|show|run|sign --help");
  }

  /** Where checklists and sign-offs live. */
  static final class Dirs {
    @Option(
        names = "--checklists-dir",
        defaultValue = "config/checklists",
        description = "Checklist files (default ${DEFAULT-VALUE}).")
    Path dir;

    @Option(
        names = "--state-dir",
        defaultValue = ".deployment_state",
        description = "Sign-off state (default ${DEFAULT-VALUE}).")
    Path state;
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the checklists.")
  static final class ListCmd implements Callable<Integer> {
    @Mixin Dirs dirs = new Dirs();

    @Override
    public Integer call() {
      for (String n : Checklist.names(dirs.dir)) {
        Checklist c = Checklist.load(dirs.dir, n);
        long items = c.phases().stream().mapToLong(p -> p.items().size()).sum();
        System.out.printf(
            "%-12s %-24s %d phases, %d items%n", n, c.title(), c.phases().size(), items);
      }
      return 0;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Show a checklist with its sign-offs.")
  static final class Show implements Callable<Integer> {
    @Parameters(paramLabel = "NAME")
    String name;

    @Mixin Dirs dirs = new Dirs();

    @Override
    public Integer call() {
      Checklist c = Checklist.load(dirs.dir, name);
      var signed = new ChecklistSignoffs(dirs.state, name).load();
      for (Checklist.Phase p : c.phases()) {
        System.out.printf(
            "%s  %s (owner %s, due %+d d)%n", p.id(), p.title(), p.owner(), p.dueOffsetDays());
        for (Checklist.Item i : p.items()) {
          var s = signed.get(i.id());
          System.out.printf(
              "  [%s] %-22s %s%s%n",
              s != null ? "x" : " ",
              i.id(),
              i.text(),
              i.check() != null
                  ? "  (auto: " + i.check() + ")"
                  : s != null ? "  (signed by " + s.by() + ")" : "");
        }
      }
      return 0;
    }
  }

  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = "Run automatable items and print the checklist as Markdown.")
  static final class Run implements Callable<Integer> {
    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--api-url", required = true, defaultValue = "${env:API_URL}")
    String apiUrl;

    @Option(
        names = "--admin-token",
        defaultValue = "${env:ADMIN_TOKEN}",
        description = "For the flag checks (env ADMIN_TOKEN).")
    String adminToken;

    @Option(names = "--phase", description = "Only this phase, e.g. T-1d.")
    String phase;

    @Option(names = "--query", defaultValue = "headphones", description = "Smoke-test query.")
    String query;

    @Option(names = "--json", description = "Print JSON rows.")
    boolean json;

    @Mixin Dirs dirs = new Dirs();

    @Override
    public Integer call() throws Exception {
      Checklist c = Checklist.load(dirs.dir, name);
      ApiClient admin = null;
      if (adminToken != null && !adminToken.isBlank()) {
        admin = new ApiClient(apiUrl, Duration.ofSeconds(10));
        admin.bearer(adminToken);
      }
      List<ChecklistRunner.Row> rows =
          new ChecklistRunner(new ApiClient(apiUrl, Duration.ofSeconds(10)), admin, query)
              .run(c, phase, new ChecklistSignoffs(dirs.state, name).load());
      System.out.println(
          json ? Json.mapper().writeValueAsString(rows) : ChecklistRunner.markdown(c, rows));
      return rows.stream().anyMatch(r -> r.status().equals("fail")) ? 1 : 0;
    }
  }

  @Command(
      name = "sign",
      mixinStandardHelpOptions = true,
      description = "Record a manual sign-off.")
  static final class Sign implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1", paramLabel = "ITEM")
    String item;

    @Option(names = "--by", required = true, description = "Who signs, e.g. @bolt.")
    String by;

    @Option(names = "--note", description = "Evidence or remark.")
    String note;

    @Mixin Dirs dirs = new Dirs();

    @Override
    public Integer call() {
      Checklist c = Checklist.load(dirs.dir, name);
      Checklist.Item i = c.item(item);
      new ChecklistSignoffs(dirs.state, name)
          .sign(i.id(), new ChecklistSignoffs.Signoff(by, Instant.now().toString(), note));
      System.out.println("signed " + name + "/" + i.id() + " by " + by);
      return 0;
    }
  }
}
