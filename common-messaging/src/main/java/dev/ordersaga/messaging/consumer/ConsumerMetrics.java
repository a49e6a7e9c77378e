package dev.ordersaga.messaging.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts handled and duplicate messages per topic and type. */
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
}
