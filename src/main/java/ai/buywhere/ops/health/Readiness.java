package ai.buywhere.ops.health;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * Whether this node should receive traffic ({@code GET /ready}). Not ready until {@link
 * #migrationsDone()} was called, while any registered condition is false (index caught up, database
 * answering) and from {@link #startDraining()} on: on SIGTERM the server drains first (the load
 * balancer sees 503 and stops routing), then stops accepting, finishes in-flight requests and
 * exits. Conditions must answer quickly; they are called on every probe. Thread-safe.
 */
public final class Readiness {
  private record Condition(String reason, BooleanSupplier ready) {}

  private final List<Condition> conditions = new CopyOnWriteArrayList<>();
  private volatile boolean migrated;
  private volatile boolean draining;

  public void migrationsDone() {
    migrated = true;
  }

  public void startDraining() {
    draining = true;
  }

  public boolean draining() {
    return draining;
  }

  /**
   * Adds a condition; {@code reason} is reported while it is false (e.g. "search index catching
   * up").
   */
  public Readiness require(String reason, BooleanSupplier ready) {
    conditions.add(new Condition(reason, ready));
    return this;
  }

  /** Empty when ready; otherwise why not. */
  public List<String> notReadyReasons() {
    List<String> out = new ArrayList<>();
    if (draining) {
      out.add("draining for shutdown");
    }
    if (!migrated) {
      out.add("database migrations not applied");
    }
    for (Condition c : conditions) {
      boolean ok;
      try {
        ok = c.ready().getAsBoolean();
      } catch (RuntimeException e) {
        ok = false;
      }
      if (!ok) {
        out.add(c.reason());
      }
    }
    return out;
  }
}
