package ai.buywhere.auth;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Captures every logback event of the process (root logger) while open. */
final class LogCapture implements AutoCloseable {
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger root;

  LogCapture() {
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    appender.setContext(ctx);
    appender.start();
    root.addAppender(appender);
  }

  List<ILoggingEvent> events() {
    synchronized (appender) {
      return List.copyOf(appender.list);
    }
  }

  /** Formatted message plus marker names, arguments and any throwable text of every event. */
  String everything() {
    StringBuilder sb = new StringBuilder();
    for (ILoggingEvent e : events()) {
      sb.append(e.getLevel()).append(' ').append(e.getLoggerName()).append(' ');
      if (e.getMarkerList() != null) {
        e.getMarkerList().forEach(m -> sb.append('[').append(m.getName()).append("] "));
      }
      sb.append(e.getFormattedMessage());
      if (e.getThrowableProxy() != null) {
        sb.append(' ').append(e.getThrowableProxy().getMessage());
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  List<ILoggingEvent> withMarker(String marker) {
    return events().stream()
        .filter(
            e ->
                e.getMarkerList() != null
                    && e.getMarkerList().stream().anyMatch(m -> m.getName().equals(marker)))
        .toList();
  }

  @Override
  public void close() {
    root.detachAppender(appender);
  }
}
