package dev.ordersaga.messaging.relay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;

/** The relay's meters: what it published, how long after the commit, what it parked, and how far behind its slot is. */
final class RelayMetrics {

    private final MeterRegistry registry;
    private final String slotName;
    private final Counter published;
    private final Timer publishLag;
    private final Clock clock;

    RelayMetrics(MeterRegistry registry, ReplicationSlot slot, Clock clock) {
        this.registry = registry;
        this.slotName = slot.name();
        this.clock = clock;
        this.published = Counter.builder("messaging.relay.published")
                .description("Outbox messages Kafka acknowledged")
                .tag("slot", slot.name())
                .register(registry);
        this.publishLag = Timer.builder("messaging.relay.publish.lag")
                .description("From the commit of the outbox row to Kafka's acknowledgement of its message")
                .tag("slot", slot.name())
                .publishPercentileHistogram()
                .register(registry);
        Gauge.builder("messaging.relay.slot.lag", slot, RelayMetrics::lagBytes)
                .description("WAL the replication slot still holds: current WAL position minus its confirmed flush position")
                .baseUnit(BaseUnits.BYTES)
                .tag("slot", slot.name())
                .register(registry);
    }

    private static double lagBytes(ReplicationSlot slot) {
        OptionalLong lag = slot.lagBytes();
        return lag.isPresent() ? lag.getAsLong() : Double.NaN;
    }

    void published(long committedAtMillis) {
        published.increment();
        publishLag.record(Duration.ofMillis(Math.max(0, clock.millis() - committedAtMillis)));
    }

    /** @param reason the simple class name of why, e.g. RecordTooLargeException */
    void parked(String reason) {
        Counter.builder("messaging.relay.parked")
                .description("Outbox rows the relay could not publish and kept in outbox_parked, by cause")
                .tag("slot", slotName)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }
}
