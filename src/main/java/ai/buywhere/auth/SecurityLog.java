package ai.buywhere.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * Security events, logged on the {@code ai.buywhere.security} logger with the marker {@code
 * UNAUTHORIZED} (failed authentication) or {@code FORBIDDEN} (failed admin access). Lines carry the
 * reason, the key's display prefix (never the secret, never the raw header) and the client IP.
 *
 * <p>A run of failures from one IP is throttled: the first {@value #BURST} per minute are logged,
 * then one line says further failures are being suppressed, and the next logged line reports how
 * many were. Counts per IP live in a bounded cache, so an address sweep cannot exhaust memory.
 */
final class SecurityLog {
  static final Marker UNAUTHORIZED = MarkerFactory.getMarker("UNAUTHORIZED");
  static final Marker FORBIDDEN = MarkerFactory.getMarker("FORBIDDEN");
  static final int BURST = 5;
  private static final long WINDOW_MS = Duration.ofMinutes(1).toMillis();
  private static final Logger log = LoggerFactory.getLogger("ai.buywhere.security");

  private static final class Window {
    long start;
    int count;
    int suppressed;
  }

  private final Clock clock;
  private final Cache<String, Window> windows =
      Caffeine.newBuilder().maximumSize(50_000).expireAfterAccess(Duration.ofMinutes(5)).build();

  SecurityLog(Clock clock) {
    this.clock = clock;
  }

  void unauthorized(String reason, String keyPrefix, String clientIp, String path) {
    emit(UNAUTHORIZED, "authentication failed", reason, keyPrefix, clientIp, path);
  }

  void forbidden(String reason, String keyPrefix, String clientIp, String path) {
    emit(FORBIDDEN, "admin access denied", reason, keyPrefix, clientIp, path);
  }

  private void emit(
      Marker marker, String what, String reason, String keyPrefix, String ip, String path) {
    long now = clock.millis();
    Window w = windows.get(String.valueOf(ip), k -> new Window());
    int suppressedBefore;
    boolean log1;
    boolean announce = false;
    synchronized (w) {
      if (now - w.start >= WINDOW_MS) {
        suppressedBefore = w.suppressed;
        w.start = now;
        w.count = 0;
        w.suppressed = 0;
      } else {
        suppressedBefore = 0;
      }
      w.count++;
      log1 = w.count <= BURST;
      if (!log1) {
        w.suppressed++;
        announce = w.count == BURST + 1;
      }
    }
    String prefix = keyPrefix == null ? "-" : keyPrefix;
    if (log1) {
      if (suppressedBefore > 0) {
        log.warn(
            marker,
            "{}: reason={} key_prefix={} client_ip={} path={} (suppressed {} earlier failures"
                + " from this IP)",
            what,
            reason,
            prefix,
            ip,
            path,
            suppressedBefore);
      } else {
        log.warn(
            marker,
            "{}: reason={} key_prefix={} client_ip={} path={}",
            what,
            reason,
            prefix,
            ip,
            path);
      }
    } else if (announce) {
      log.warn(
          marker,
          "{}: more than {} failures in a minute from client_ip={}; suppressing further lines for"
              + " this IP until the minute is over",
          what,
          BURST,
          ip);
    }
  }
}
