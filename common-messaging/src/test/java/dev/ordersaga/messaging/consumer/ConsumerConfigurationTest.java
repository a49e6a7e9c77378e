package dev.ordersaga.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.messaging.MessageSizeLimits;
import dev.ordersaga.messaging.MessagingProperties;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;

class ConsumerConfigurationTest {

    private static final MessageSizeLimits LIMITS = MessageSizeLimits.of(new MessagingProperties());

    @Test
    void aCrashedConsumerLosesItsPartitionsAfterTheConfiguredSessionTimeout() {
        MessagingProperties properties = new MessagingProperties();
        properties.getConsumer().setSessionTimeout(Duration.ofSeconds(12));

        Map<String, Object> config = ConsumerConfiguration.consumerConfig(new KafkaProperties(), properties, LIMITS);

        assertThat(config).containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 12_000)
                .containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 4_000)
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    }

    @Test
    void anExplicitKafkaSessionTimeoutWins() {
        KafkaProperties kafka = new KafkaProperties();
        kafka.getConsumer().getProperties().put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "30000");

        Map<String, Object> config = ConsumerConfiguration.consumerConfig(kafka, new MessagingProperties(), LIMITS);

        assertThat(config).containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "30000");
    }

    @Test
    void fetchesAWholeRecordOfTheLargestSizePerPartitionAndBoundsAFetch() {
        Map<String, Object> config =
                ConsumerConfiguration.consumerConfig(new KafkaProperties(), new MessagingProperties(), LIMITS);

        assertThat(config).containsEntry(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1_048_576)
                .containsEntry(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 8 * 1_048_576);
    }

    /** One poll is one transaction: its size is the library's setting unless Spring's own is given. */
    @Test
    void boundsAPollByTheConfiguredRecordsUnlessSpringsOwnSettingIsGiven() {
        MessagingProperties properties = new MessagingProperties();
        properties.getConsumer().setMaxPollRecords(50);
        KafkaProperties explicit = new KafkaProperties();
        explicit.getConsumer().setMaxPollRecords(20);

        assertThat(ConsumerConfiguration.consumerConfig(new KafkaProperties(), new MessagingProperties(), LIMITS))
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        assertThat(ConsumerConfiguration.consumerConfig(new KafkaProperties(), properties, LIMITS))
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
        assertThat(ConsumerConfiguration.consumerConfig(explicit, properties, LIMITS))
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20);
    }

    @Test
    void theDeadLetterProducerSendsTheLargestDeadLetterADeadLetterTopicAccepts() {
        Map<String, Object> config = ConsumerConfiguration.deadLetterProducerConfig(new KafkaProperties(), LIMITS);

        assertThat(config).containsEntry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, LIMITS.deadLetterMaxMessageBytes())
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    }
}
