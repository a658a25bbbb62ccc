package ai.buywhere.ops.incidents;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The on-call rotation: wall-clock windows in one time zone ({@code America/New_York}), each naming
 * a primary and a secondary. The window is chosen by the local time of day at the instant, so DST
 * changes move the UTC boundaries with the clocks (08:00 ET is 12:00 UTC in summer, 13:00 in
 * winter). Windows are {@code [from, to)}; {@code to} 24:00 is midnight.
 */
public record Rotation(ZoneId zone, List<Window> windows) {
  /** One shift: {@code toMinute} is exclusive, 1440 for midnight. */
  public record Window(int fromMinute, int toMinute, String primary, String secondary) {}

  /** Who is on call at an instant. */
  public record OnCall(String primary, String secondary) {}

  public Rotation {
    windows = List.copyOf(windows);
  }

  public OnCall at(Instant instant) {
    LocalTime t = instant.atZone(zone).toLocalTime();
    int minute = t.getHour() * 60 + t.getMinute();
    for (Window w : windows) {
      if (minute >= w.fromMinute() && minute < w.toMinute()) {
        return new OnCall(w.primary(), w.secondary());
      }
    }
    // validation guarantees the windows cover the day; keep a defined answer regardless
    Window first = windows.get(0);
    return new OnCall(first.primary(), first.secondary());
  }
}
