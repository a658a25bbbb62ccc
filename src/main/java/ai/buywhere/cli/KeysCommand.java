package ai.buywhere.cli;

import ai.buywhere.app.Application;
import ai.buywhere.auth.ApiKey;
import ai.buywhere.auth.ApiKeyService;
import ai.buywhere.auth.AuditLog;
import ai.buywhere.auth.IssuedKey;
import ai.buywhere.auth.NewKey;
import ai.buywhere.auth.Role;
import ai.buywhere.auth.Tier;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code buywhere keys create|list|revoke|rotate}: the operator's side of API key management, on
 * the same database as the server (a revoke takes effect on running nodes within {@code
 * KEY_CACHE_SECONDS}). Each change is written to the audit log as {@code cli:<os user>}. A secret
 * is printed once, on create and rotate, and nowhere else.
 */
@Command(
    name = "keys",
    description = "Create, list, revoke and rotate API keys.",
    subcommands = {
      KeysCommand.Create.class,
      KeysCommand.ListKeys.class,
      KeysCommand.Revoke.class,
      KeysCommand.Rotate.class
    })
final class KeysCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static String actor() {
    return "cli:" + System.getProperty("user.name", "unknown");
  }

  /** Opens the application, runs {@code body} with the key service, closes everything. */
  static <T> T withKeys(CommonOptions common, Function<Ctx, T> body) {
    try (Application app = Application.open(common.settings());
        ApiKeyService keys = ApiKeyService.open(app.database(), app.clock())) {
      return body.apply(
          new Ctx(keys, new AuditLog(app.database(), app.clock()), app.clock().instant()));
    }
  }

  record Ctx(ApiKeyService keys, AuditLog audit, Instant now) {}

  static void printIssued(PrintWriter out, IssuedKey k) {
    out.println("id:      " + k.key().id());
    out.println("name:    " + k.key().name());
    out.println("tier:    " + k.key().tier().wire() + "  role: " + k.key().role().wire());
    if (k.key().expiresAt() != null) {
      out.println("expires: " + k.key().expiresAt());
    }
    out.println("api key: " + k.secret());
    out.println("(the key is shown only now; store it safely)");
  }

  @Command(name = "create", description = "Create a key and print its secret once.")
  static final class Create implements java.util.concurrent.Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Option(names = "--name", required = true, description = "Who the key is for.")
    String name;

    @Option(names = "--tier", defaultValue = "free", description = "free, live or partner.")
    String tier;

    @Option(names = "--role", defaultValue = "agent", description = "agent or admin.")
    String role;

    @Option(names = "--contact", description = "Contact e-mail.")
    String contact;

    @Option(names = "--expires-in-days", description = "Expire after this many days.")
    Integer expiresInDays;

    @Override
    public Integer call() {
      return withKeys(
          common,
          c -> {
            Instant expires =
                expiresInDays == null ? null : c.now().plus(Duration.ofDays(expiresInDays));
            IssuedKey k =
                c.keys()
                    .create(
                        NewKey.validated(
                            "--name",
                            name,
                            Tier.parse("--tier", tier),
                            Role.parse("--role", role),
                            contact,
                            null,
                            expires));
            c.audit()
                .record(actor(), "keys create", k.key().id(), null, null, k.key().displayPrefix());
            printIssued(spec.commandLine().getOut(), k);
            return 0;
          });
    }
  }

  @Command(name = "list", description = "List keys (never their secrets).")
  static final class ListKeys implements java.util.concurrent.Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      return withKeys(
          common,
          c -> {
            PrintWriter out = spec.commandLine().getOut();
            List<ApiKey> keys = c.keys().list();
            out.printf(
                "%-36s  %-16s  %-8s  %-6s  %-8s  %-20s  %s%n",
                "ID", "PREFIX", "TIER", "ROLE", "STATUS", "LAST USED", "NAME");
            for (ApiKey k : keys) {
              out.printf(
                  "%-36s  %-16s  %-8s  %-6s  %-8s  %-20s  %s%n",
                  k.id(),
                  k.displayPrefix() + "…",
                  k.tier().wire(),
                  k.role().wire(),
                  k.status(c.now()).name().toLowerCase(java.util.Locale.ROOT),
                  k.lastUsedAt() == null ? "-" : k.lastUsedAt().toString().substring(0, 19),
                  k.name());
            }
            out.println(keys.size() + " key(s)");
            return 0;
          });
    }
  }

  @Command(name = "revoke", description = "Revoke a key by id; it stops working at once.")
  static final class Revoke implements java.util.concurrent.Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
      return withKeys(
          common,
          c -> {
            ApiKey k = c.keys().revoke(id);
            c.audit().record(actor(), "keys revoke", id, null, null, k.displayPrefix());
            spec.commandLine().getOut().println("revoked " + id + " (" + k.displayPrefix() + "…)");
            return 0;
          });
    }
  }

  @Command(name = "rotate", description = "New secret for a key; same id, tier, role and usage.")
  static final class Rotate implements java.util.concurrent.Callable<Integer> {
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
      return withKeys(
          common,
          c -> {
            IssuedKey k = c.keys().rotate(id);
            c.audit().record(actor(), "keys rotate", id, null, null, k.key().displayPrefix());
            printIssued(spec.commandLine().getOut(), k);
            return 0;
          });
    }
  }
}
