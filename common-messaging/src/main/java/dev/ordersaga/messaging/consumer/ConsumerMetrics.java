package dev.ordersaga.messaging.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts handled, duplicate and dead-lettered messages per topic. */
final class ConsumerMetrics {

    private final MeterRegistry registry;

    ConsumerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void handled(String topic, String type, boolean applied) {
        Counter.builder("messaging.consumer.messages")
                .description("Messages consumed; outcome=duplicate when the inbox had already seen the id")
                .tag("topic", topic)
                .tag("type", type)
                .tag("outcome", applied ? "applied" : "duplicate")
                .register(registry)
                .increment();
    }

    /** @param reason the simple class name of what the listener threw, e.g. PoisonMessageException */
    void deadLettered(String topic, String reason) {
        Counter.builder("messaging.consumer.dead.letters")
                .description("Records moved to <topic>-dlt, by source topic and cause")
                .tag("topic", topic)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }
}
