package ai.buywhere.store;

/**
 * The one seam between the two storage engines. Repository SQL is written once (both speak {@code
 * INSERT … ON CONFLICT} and {@code RETURNING}); what differs lives here and in the per-dialect
 * migration folders.
 */
public enum Dialect {
  SQLITE("db/sqlite"),
  POSTGRESQL("db/postgresql");

  private final String migrationLocation;

  Dialect(String migrationLocation) {
    this.migrationLocation = migrationLocation;
  }

  public String migrationLocation() {
    return "classpath:" + migrationLocation;
  }

  /** Largest number of bind parameters one statement may carry. */
  public int maxBindParameters() {
    return this == SQLITE ? 32_000 : 30_000;
  }
}
