package ai.buywhere.ops.incidents;

import ai.buywhere.api.ApiException;
import ai.buywhere.api.ErrorCode;
import ai.buywhere.ops.alerts.AlertEvent;
import ai.buywhere.ops.alerts.AlertListener;
import ai.buywhere.ops.incidents.Incident.Status;
import ai.buywhere.ops.incidents.IncidentNotifier.PdAction;
import ai.buywhere.ops.incidents.TimelineEvent.Type;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Incident lifecycle, SLA timers and escalation. Commands ({@link #open}, {@link #acknowledge},
 * {@link #engage}, {@link #note}, {@link #resolve}) validate their input (bad input is a
 * 400/404/409 {@link ApiException} and changes nothing). {@link #tick()} checks SLA deadlines and
 * walks escalation chains; it is driven by {@link IncidentTicker} in a server and called directly
 * by tests. As an {@link AlertListener} it opens one incident per firing alert whose rule maps to a
 * severity. All progress is in the database through conditional updates, so a restart neither
 * re-pages nor forgets. Thread-safe.
 */
public final class IncidentService implements AlertListener {
  static final Pattern ID = Pattern.compile("INC-[1-9][0-9]{0,17}");
  private static final int MAX_TITLE = 200;
  private static final int MAX_TEXT = 4000;

  private final IncidentRepository repo;
  private final IncidentPolicy policy;
  private final IncidentNotifier notifier;
  private final IncidentMetrics metrics;
  private final IncidentTimers timers;
  private final Clock clock;

  IncidentService(
      IncidentRepository repo,
      IncidentPolicy policy,
      IncidentNotifier notifier,
      IncidentMetrics metrics,
      Clock clock) {
    this.repo = repo;
    this.policy = policy;
    this.notifier = notifier;
    this.metrics = metrics;
    this.timers = new IncidentTimers(repo, policy, notifier, metrics);
    this.clock = clock;
    refreshGauges();
  }

  public IncidentPolicy policy() {
    return policy;
  }

  /** Opens an incident by hand; parameters are named as on the wire for 400s. */
  public Incident open(String severity, String title, String impact, String actor) {
    Severity s = Severity.parseOrNull(severity);
    if (s == null) {
      throw ApiException.invalid("severity", "must be one of P1, P2, P3, P4");
    }
    String t = text("title", title, MAX_TITLE, true);
    String im = text("impact", impact, MAX_TEXT, false);
    return create(s, t, im, null, Type.OPENED, actor, s + " incident opened: " + t);
  }

  private Incident create(
      Severity s,
      String title,
      String impact,
      String alertKey,
      Type first,
      String actor,
      String message) {
    long now = clock.millis();
    long seq = repo.nextSeq();
    Incident draft =
        new Incident(
            "INC-" + seq,
            s,
            title,
            impact,
            Status.OPEN,
            null,
            alertKey,
            now,
            null,
            null,
            null,
            -1,
            false,
            false,
            false,
            List.of());
    if (!repo.insert(draft, seq)) {
      return repo.findOpenByAlert(alertKey).orElseThrow();
    }
    repo.addEvent(draft.id(), now, first, actor, message);
    timers.escalate(repo.find(draft.id()).orElseThrow(), now);
    refreshGauges();
    return get(draft.id());
  }

  public Incident acknowledge(String id, String actor) {
    return move(id, actor, EnumSet.of(Status.OPEN), Status.ACKNOWLEDGED, null, false, null);
  }

  /** Engaged: someone is working on it; {@code commander} defaults to the actor. */
  public Incident engage(String id, String actor, String commander) {
    String c = text("commander", commander, MAX_TITLE, false);
    return move(
        id,
        actor,
        EnumSet.of(Status.OPEN, Status.ACKNOWLEDGED),
        Status.ENGAGED,
        c == null ? actor : c,
        c != null,
        c == null ? null : "commander " + c);
  }

  public Incident resolve(String id, String actor, String resolution) {
    String r = text("resolution", resolution, MAX_TEXT, false);
    return move(
        id,
        actor,
        EnumSet.of(Status.OPEN, Status.ACKNOWLEDGED, Status.ENGAGED),
        Status.RESOLVED,
        null,
        false,
        r);
  }

  public Incident note(String id, String actor, String text) {
    String t = text("text", text, MAX_TEXT, true);
    Incident i = get(id);
    repo.addEvent(i.id(), clock.millis(), Type.NOTE, actor, t);
    return get(i.id());
  }

  private Incident move(
      String id,
      String actor,
      Set<Status> from,
      Status to,
      String commander,
      boolean replaceCommander,
      String message) {
    Incident i = get(id);
    if (!from.contains(i.status())) {
      throw new ApiException(
          ErrorCode.CONFLICT, i.id() + " is " + i.status().wire() + "; cannot " + verb(to));
    }
    long now = clock.millis();
    timers.checkSla(i, now);
    String cmd = to == Status.ACKNOWLEDGED ? actor : commander;
    if (!repo.transition(i.id(), from, to, now, cmd, replaceCommander)) {
      throw new ApiException(ErrorCode.CONFLICT, i.id() + " changed meanwhile; try again");
    }
    Type type =
        switch (to) {
          case ACKNOWLEDGED -> Type.ACKNOWLEDGED;
          case ENGAGED -> Type.ENGAGED;
          default -> Type.RESOLVED;
        };
    repo.addEvent(i.id(), now, type, actor, message);
    Incident after = get(i.id());
    String text =
        after.severity()
            + " "
            + after.id()
            + " "
            + to.wire()
            + " by "
            + actor
            + ": "
            + after.title();
    PdAction pd =
        switch (to) {
          case ACKNOWLEDGED -> PdAction.ACKNOWLEDGE;
          case RESOLVED -> PdAction.RESOLVE;
          default -> null;
        };
    notifier.announce(
        after, policy.channels(after.severity()), text, pd, actor, Instant.ofEpochMilli(now));
    refreshGauges();
    return after;
  }

  private static String verb(Status to) {
    return switch (to) {
      case ACKNOWLEDGED -> "acknowledge";
      case ENGAGED -> "engage";
      default -> "resolve";
    };
  }

  public Optional<Incident> find(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      return Optional.empty();
    }
    return repo.find(id);
  }

  /** The incident with its timeline; 404 when there is none. */
  public Incident get(String id) {
    return find(id).orElseThrow(() -> ApiException.notFound("No incident with id " + id));
  }

  public List<Incident> list(boolean openOnly) {
    return repo.list(openOnly, 500);
  }

  /** Unresolved incidents plus those resolved in the last 24 h (the status page's panel). */
  public List<Incident> recent() {
    List<Incident> out = new java.util.ArrayList<>(repo.list(true, 100));
    out.addAll(repo.resolvedSince(clock.millis() - Duration.ofHours(24).toMillis()));
    return out;
  }

  @Override
  public void onAlert(AlertEvent e) {
    Severity s = Severity.parseOrNull(e.severity());
    if (s == null) {
      return;
    }
    String key = e.state().key();
    String actor = "alert:" + e.rule().name();
    Optional<Incident> open = repo.findOpenByAlert(key);
    if (e.status() == AlertEvent.Status.RESOLVED) {
      open.ifPresent(
          i -> repo.addEvent(i.id(), clock.millis(), Type.ALERT_RESOLVED, actor, e.headline()));
      return;
    }
    if (open.isPresent()) {
      repo.addEvent(open.get().id(), clock.millis(), Type.ALERT_FIRED, actor, e.headline());
      return;
    }
    String title = e.rule().name() + ": " + e.rule().summary();
    create(
        s,
        title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title,
        null,
        key,
        Type.ALERT_FIRED,
        actor,
        e.headline());
  }

  /** One pass: SLA deadlines, then escalation, for every unresolved incident. */
  public void tick() {
    long now = clock.millis();
    for (Incident i : repo.list(true, 10_000)) {
      timers.checkSla(i, now);
      timers.escalate(i, now);
    }
    refreshGauges();
  }

  private void refreshGauges() {
    metrics.setOpen(repo.openBySeverity());
  }

  private static String text(String param, String v, int max, boolean required) {
    if (v == null || v.isBlank()) {
      if (required) {
        throw ApiException.invalid(param, "is required");
      }
      return null;
    }
    String t = v.strip();
    if (t.length() > max) {
      throw ApiException.invalid(param, "must be at most " + max + " characters");
    }
    return t;
  }
}
