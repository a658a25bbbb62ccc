package ai.buywhere.shared;

/**
 * Base of every domain exception. The HTTP and MCP layers map subclasses to stable error codes in
 * one place; anything that is not a {@code BuyWhereException} becomes {@code internal_error}
 * without internals.
 */
public class BuyWhereException extends RuntimeException {
  public BuyWhereException(String message) {
    super(message);
  }

  public BuyWhereException(String message, Throwable cause) {
    super(message, cause);
  }
}
