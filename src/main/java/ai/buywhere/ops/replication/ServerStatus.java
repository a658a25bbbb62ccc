package ai.buywhere.ops.replication;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * One server as a probe saw it. {@code role} is {@code primary}, {@code replica} or {@code unknown}
 * (unreachable); {@code lagSeconds} is the replica's replay lag (0 when it has replayed everything
 * it received), null on a primary; {@code walReceiver} is {@code pg_stat_wal_receiver}'s status on
 * a replica ({@code streaming} when healthy).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ServerStatus(
    String name,
    String url,
    boolean reachable,
    String role,
    Double lagSeconds,
    String walReceiver,
    List<Sender> senders,
    List<Slot> slots,
    String error) {

  /** A row of the primary's {@code pg_stat_replication}. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Sender(String applicationName, String clientAddr, String state, double replayLag) {}

  /** A row of {@code pg_replication_slots}. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Slot(String name, String type, boolean active, String walStatus) {}

  static ServerStatus unreachable(PgEndpoint e, String error) {
    return new ServerStatus(
        e.name(), e.displayUrl(), false, "unknown", null, null, List.of(), List.of(), error);
  }
}
