package ai.buywhere.ops.health;

import java.util.function.Supplier;

/**
 * One component's health. {@link #check()} may block (it runs on the registry's pool under a
 * timeout) but should answer within a second or two. A {@code critical} check that is down makes
 * the whole service unhealthy (503); a non-critical one only degrades it.
 */
public interface HealthCheck {
  String name();

  boolean critical();

  CheckResult check();

  static HealthCheck of(String name, boolean critical, Supplier<CheckResult> check) {
    return new HealthCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean critical() {
        return critical;
      }

      @Override
      public CheckResult check() {
        return check.get();
      }
    };
  }
}
