package ai.buywhere.app;

import ai.buywhere.cli.BuyWhereCommand;

/** Entry point of the {@code buywhere} jar: hands the arguments to the command line. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(BuyWhereCommand.execute(args));
  }
}
