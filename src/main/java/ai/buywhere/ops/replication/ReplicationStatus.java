package ai.buywhere.ops.replication;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Optional;

/**
 * Both servers and the verdict: {@code healthy} when the primary answers as a primary and the
 * replica answers as a streaming replica with lag within the bound. {@code lagSeconds} is -1 when
 * unknown (no replica, unreachable, or not a replica).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReplicationStatus(
    ServerStatus primary, Optional<ServerStatus> replica, double lagSeconds, boolean healthy) {

  static ReplicationStatus of(ServerStatus primary, Optional<ServerStatus> replica, double maxLag) {
    double lag =
        replica
            .filter(r -> r.reachable() && "replica".equals(r.role()) && r.lagSeconds() != null)
            .map(ServerStatus::lagSeconds)
            .orElse(-1.0);
    boolean healthy =
        primary.reachable()
            && "primary".equals(primary.role())
            && replica.isPresent()
            && "streaming".equals(replica.get().walReceiver())
            && lag >= 0
            && lag <= maxLag;
    return new ReplicationStatus(primary, replica, lag, healthy);
  }
}
