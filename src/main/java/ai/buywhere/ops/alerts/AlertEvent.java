package ai.buywhere.ops.alerts;

/**
 * A transition worth telling someone about: an alert started firing or resolved. {@code severity}
 * is the rule's P1..P4 for this level; {@code state.key()} is stable across both events and is the
 * de-duplication key for notifiers (PagerDuty's {@code dedup_key}).
 */
public record AlertEvent(Status status, AlertRule rule, AlertState state, String severity) {
  /** What happened. */
  public enum Status {
    FIRING,
    RESOLVED
  }

  public Double threshold() {
    return rule.threshold(state.level());
  }

  /** One line for chat: {@code [FIRING] P2 ApiErrorRate critical: error_rate 0.02 > 0.01}. */
  public String headline() {
    StringBuilder sb = new StringBuilder();
    sb.append('[').append(status).append("] ").append(severity).append(' ').append(rule.name());
    sb.append(' ').append(state.level().wire());
    if (!state.labels().isEmpty()) {
      sb.append(' ').append(state.labels());
    }
    sb.append(": ").append(rule.summary()).append(" = ").append(format(state.value()));
    sb.append(status == Status.FIRING ? " (threshold " : " (back within ");
    sb.append(rule.op()).append(' ').append(format(threshold())).append(')');
    return sb.toString();
  }

  static String format(Double v) {
    if (v == null || v.isNaN() || v.isInfinite()) {
      return String.valueOf(v);
    }
    return new java.math.BigDecimal(v, new java.math.MathContext(6))
        .stripTrailingZeros()
        .toPlainString();
  }
}
