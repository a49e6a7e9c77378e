package dev.ordersaga.ops.dlt;

import dev.ordersaga.infra.KafkaServer;

/** One real broker for every IT of this module, started on first use and stopped when the JVM exits. */
final class SharedKafka {

    private SharedKafka() {
    }

    static String bootstrapServers() {
        return Holder.KAFKA.bootstrapServers();
    }

    private static final class Holder {
        private static final KafkaServer KAFKA = start();

        private static KafkaServer start() {
            KafkaServer kafka = KafkaServer.start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "shared-kafka-shutdown"));
            return kafka;
        }
    }
}
