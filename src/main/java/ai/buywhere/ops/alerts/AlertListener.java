package ai.buywhere.ops.alerts;

/**
 * Subscribers to alert transitions: notifications, auto-actions (ingestion re-scrapes or pauses a
 * source when its rule fires, see {@link AlertRule#action()}), incidents. Called on the evaluator's
 * thread once per transition, after the transition is persisted; implementations must return
 * quickly (hand slow work to their own executor) and their exceptions are logged and ignored.
 */
@FunctionalInterface
public interface AlertListener {
  void onAlert(AlertEvent event);
}
