package ai.buywhere.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the jar's Implementation-Version. */
public final class VersionProvider implements IVersionProvider {
  public static String version() {
    String v = VersionProvider.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"buywhere " + version()};
  }
}
