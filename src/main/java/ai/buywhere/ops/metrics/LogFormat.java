package ai.buywhere.ops.metrics;

import ch.qos.logback.core.PropertyDefinerBase;
import java.util.Locale;

/**
 * Chooses the log format for {@code logback.xml}: {@code LOG_FORMAT=json|text} (environment
 * variable or system property) wins; otherwise text when a terminal is attached ({@code
 * System.console() != null}) and JSON lines otherwise (containers, files, log shippers). Logs
 * always go to stderr: the MCP stdio server owns stdout.
 */
public final class LogFormat extends PropertyDefinerBase {
  @Override
  public String getPropertyValue() {
    String explicit = System.getProperty("LOG_FORMAT", System.getenv("LOG_FORMAT"));
    return choose(explicit, System.console() != null);
  }

  static String choose(String explicit, boolean terminal) {
    if (explicit != null) {
      String v = explicit.trim().toLowerCase(Locale.ROOT);
      if (v.equals("json") || v.equals("text")) {
        return v;
      }
    }
    return terminal ? "text" : "json";
  }
}
