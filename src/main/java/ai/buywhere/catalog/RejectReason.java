package ai.buywhere.catalog;

/**
 * Why one product row was rejected. {@code code} is stable (tools and tests match on it), {@code
 * field} names the input field in its wire spelling, {@code message} is for humans.
 */
public record RejectReason(String code, String field, String message) {

  @Override
  public String toString() {
    return code + " (" + field + "): " + message;
  }
}
