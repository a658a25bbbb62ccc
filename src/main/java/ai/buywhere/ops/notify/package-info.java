/**
 * Alert notifications: Slack-compatible incoming webhooks (one per channel), a generic JSON webhook
 * and PagerDuty Events API v2, routed by channel and severity. {@link
 * ai.buywhere.ops.notify.NotificationDispatcher} subscribes to the alert evaluator and delivers
 * asynchronously through a bounded queue with retries and de-duplication, so a failing receiver
 * never blocks evaluation.
 */
package ai.buywhere.ops.notify;
