/**
 * Incidents (runbook R13/R14): P1–P4 incidents opened by hand or from firing alerts, SLA timers,
 * escalation chains over an ET on-call rotation, Slack/PagerDuty announcements, the admin API and
 * CLI, and the post-incident report. {@link ai.buywhere.ops.incidents.Incidents} is the piece the
 * composition root holds; policy is data ({@code ops/incident-policy.yml}).
 */
package ai.buywhere.ops.incidents;
