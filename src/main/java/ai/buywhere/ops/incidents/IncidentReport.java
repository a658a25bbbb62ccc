package ai.buywhere.ops.incidents;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The runbook's post-incident report (us-launch-ops "Post-Incident Documentation",
 * disaster-recovery "Incident Documentation") as Markdown, filled from the incident and its
 * timeline. What only a person knows is left as an {@code _TO FILL: …_} marker. Times are UTC.
 */
public final class IncidentReport {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter HHMM =
      DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

  private IncidentReport() {}

  static String fill(String what) {
    return "_TO FILL: " + what + "_";
  }

  public static String render(Incident i, Instant now) {
    StringBuilder md = new StringBuilder();
    md.append("# Incident Report: [")
        .append(i.id())
        .append("] - ")
        .append(i.title())
        .append("\n\n");
    Instant opened = Instant.ofEpochMilli(i.openedAt());
    md.append("**Date:** ").append(DATE.format(opened)).append("\n");
    Instant end = i.resolvedAt() == null ? now : Instant.ofEpochMilli(i.resolvedAt());
    Duration d = Duration.between(opened, end);
    md.append("**Duration:** ")
        .append(d.toHours())
        .append(" hours ")
        .append(d.toMinutesPart())
        .append(" minutes")
        .append(i.resolvedAt() == null ? " (still " + i.status().wire() + ")" : "")
        .append("\n");
    md.append("**Severity:** ")
        .append(i.severity())
        .append(" (")
        .append(i.severity().label())
        .append(")\n");
    md.append("**Commander:** ")
        .append(i.commander() == null ? fill("incident commander") : i.commander())
        .append("\n");
    md.append("**Root Cause:** ").append(fill("root cause, one line")).append("\n\n");

    md.append("## Timeline\n");
    md.append("All times UTC.\n\n");
    for (TimelineEvent e : i.timeline()) {
      md.append("- ")
          .append(HHMM.format(Instant.ofEpochMilli(e.at())))
          .append(" - ")
          .append(e.type().wire().replace('_', ' '))
          .append(" (")
          .append(e.actor())
          .append(")");
      if (e.message() != null) {
        md.append(": ").append(e.message().replace("\n", " "));
      }
      md.append("\n");
    }
    md.append("- ").append(fill("HH:MM - root cause identified")).append("\n");
    md.append("- ").append(fill("HH:MM - fix applied")).append("\n\n");

    md.append("## Impact\n");
    if (i.impact() != null) {
      md.append("- Reported impact: ").append(i.impact()).append("\n");
    }
    md.append("- Users affected: ").append(fill("number/estimate")).append("\n");
    md.append("- Data loss: ").append(fill("yes/no/amount")).append("\n");
    md.append("- Downtime: ").append(fill("duration")).append("\n\n");

    md.append("## Root Cause\n").append(fill("detailed explanation of what went wrong"));
    md.append("\n\n## Resolution\n");
    String resolution =
        i.timeline().stream()
            .filter(e -> e.type() == TimelineEvent.Type.RESOLVED && e.message() != null)
            .map(TimelineEvent::message)
            .reduce((a, b) -> b)
            .orElse(null);
    md.append(resolution == null ? fill("what was done to fix the issue") : resolution);
    md.append("\n\n## Action Items\n");
    md.append("- [ ] ").append(fill("action item (owner: @name)")).append("\n");
    md.append("- [ ] ").append(fill("action item (owner: @name)")).append("\n\n");
    md.append("## Lessons Learned\n").append(fill("what we learned from this incident"));
    md.append("\n");
    return md.toString();
  }
}
