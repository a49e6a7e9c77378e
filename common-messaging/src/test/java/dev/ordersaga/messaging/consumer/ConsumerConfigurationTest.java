package dev.ordersaga.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.messaging.MessagingProperties;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;

class ConsumerConfigurationTest {

    @Test
    void aCrashedConsumerLosesItsPartitionsAfterTheConfiguredSessionTimeout() {
        MessagingProperties properties = new MessagingProperties();
        properties.getConsumer().setSessionTimeout(Duration.ofSeconds(12));

        Map<String, Object> config = ConsumerConfiguration.consumerConfig(new KafkaProperties(), properties);

        assertThat(config).containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 12_000)
                .containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 4_000)
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    }

    @Test
    void anExplicitKafkaSessionTimeoutWins() {
        KafkaProperties kafka = new KafkaProperties();
        kafka.getConsumer().getProperties().put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "30000");

        Map<String, Object> config = ConsumerConfiguration.consumerConfig(kafka, new MessagingProperties());

        assertThat(config).containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "30000");
    }
}
