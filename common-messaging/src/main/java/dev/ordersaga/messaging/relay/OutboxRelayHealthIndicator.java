package dev.ordersaga.messaging.relay;

import java.util.Locale;
import java.util.OptionalLong;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Health {@code outboxRelay}: UP as leader or standby, DOWN when this replica leads but its engine
 * keeps failing, OUT_OF_SERVICE once the relay is stopped. The slot lag is the WAL the slot holds back.
 *
 * <p>Parked rows ({@code parkedRows}, {@code lastParkedReason}, {@code lastParkedAt}) leave the status UP on
 * purpose: the relay is publishing everything else, and a DOWN would have an orchestrator restart or fence a
 * replica that restarting cannot help, stopping good traffic for one bad row. They call for an operator, whom
 * the {@code messaging.relay.parked} counter alerts.
 */
final class OutboxRelayHealthIndicator implements HealthIndicator {

    private final OutboxRelay relay;
    private final ReplicationSlot slot;
    private final ParkedRows parkedRows;

    OutboxRelayHealthIndicator(OutboxRelay relay, ReplicationSlot slot, ParkedRows parkedRows) {
        this.relay = relay;
        this.slot = slot;
        this.parkedRows = parkedRows;
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
        parkedRows.summary().ifPresent(parked -> {
            health.withDetail("parkedRows", parked.count());
            if (parked.count() > 0) {
                health.withDetail("lastParkedReason", parked.lastReason())
                        .withDetail("lastParkedAt", parked.lastParkedAt().toString());
            }
        });
        if (status.consecutiveFailures() > 0) {
            health.withDetail("consecutiveFailures", status.consecutiveFailures())
                    .withDetail("lastFailure", status.lastFailure());
        }
        return health.build();
    }
}
