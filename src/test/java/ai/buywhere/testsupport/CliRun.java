package ai.buywhere.testsupport;

import ai.buywhere.cli.BuyWhereCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Runs the {@code buywhere} command line in this JVM on a data dir, capturing stdout and stderr.
 * Swaps {@code System.out/err} for the call, so tests using it must not run in parallel.
 */
public final class CliRun {
  /** Exit code and captured output of one command. */
  public record Result(int exit, String out, String err) {}

  private CliRun() {}

  public static Result run(Path dataDir, String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      String[] all = new String[args.length + 2];
      System.arraycopy(args, 0, all, 0, args.length);
      all[args.length] = "--data-dir";
      all[args.length + 1] = dataDir.toString();
      int code = BuyWhereCommand.execute(all);
      return new Result(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }
}
