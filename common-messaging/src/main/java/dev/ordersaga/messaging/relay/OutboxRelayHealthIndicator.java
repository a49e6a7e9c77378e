package dev.ordersaga.messaging.relay;

import java.util.Locale;
import java.util.OptionalLong;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Health {@code outboxRelay}: UP as leader or standby, DOWN when this replica leads but its engine
 * keeps failing, OUT_OF_SERVICE once the relay is stopped. The slot lag is the WAL the slot holds back.
 */
final class OutboxRelayHealthIndicator implements HealthIndicator {

    private final OutboxRelay relay;
    private final ReplicationSlot slot;

    OutboxRelayHealthIndicator(OutboxRelay relay, ReplicationSlot slot) {
        this.relay = relay;
        this.slot = slot;
    }

    @Override
    public Health health() {
        OutboxRelay.Status status = relay.status();
        Health.Builder health = switch (status.role()) {
            case STOPPED -> Health.outOfService();
            case STANDBY -> Health.up();
            case LEADER -> status.engineStreaming() || status.consecutiveFailures() == 0 ? Health.up() : Health.down();
        };
        health.withDetail("role", status.role().name().toLowerCase(Locale.ROOT))
                .withDetail("engineRunning", status.engineStreaming())
                .withDetail("slotName", slot.name());
        OptionalLong lag = slot.lagBytes();
        if (lag.isPresent()) {
            health.withDetail("slotLagBytes", lag.getAsLong());
        }
        if (status.leaderSince() != null) {
            health.withDetail("leaderSince", status.leaderSince().toString());
        }
        if (status.consecutiveFailures() > 0) {
            health.withDetail("consecutiveFailures", status.consecutiveFailures())
                    .withDetail("lastFailure", status.lastFailure());
        }
        return health.build();
    }
}
