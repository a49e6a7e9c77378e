package dev.ordersaga.messaging.relay;

import dev.ordersaga.messaging.MessageSizeLimits;
import dev.ordersaga.messaging.MessagingProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded Debezium outbox relay; {@code messaging.relay.enabled=false} turns it off (e.g. when a
 * Kafka Connect cluster relays the outbox instead). Every bean here waits for the library's schema:
 * the relay needs the outbox table, the publication and the offset table.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "messaging.relay.enabled", matchIfMissing = true)
public class RelayConfiguration {

    @Bean
    @DependsOn("messagingSchema")
    RelaySettings relaySettings(MessagingProperties properties) {
        return RelaySettings.of(properties);
    }

    @Bean(initMethod = "ensureExists")
    @DependsOn("messagingSchema")
    ReplicationSlot relayReplicationSlot(JdbcTemplate jdbc, RelaySettings settings) {
        return new ReplicationSlot(jdbc, settings.slotName());
    }

    @Bean
    @DependsOn("messagingSchema")
    ParkedRows relayParkedRows(JdbcTemplate jdbc) {
        return new ParkedRows(jdbc);
    }

    @Bean
    @DependsOn("messagingSchema")
    OutboxRelay outboxRelay(RelaySettings settings, ReplicationSlot slot, ParkedRows parkedRows,
                            Environment environment, KafkaProperties kafka, MessageSizeLimits limits,
                            ObjectProvider<MeterRegistry> meterRegistry) {
        RelayDatabase database = RelayDatabase.of(
                environment.getRequiredProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"));
        Map<String, Object> producerConfig = producerConfig(kafka, settings.serviceName(), limits);
        RelayMetrics metrics = new RelayMetrics(
                meterRegistry.getIfAvailable(SimpleMeterRegistry::new), slot, Clock.systemUTC());
        return new OutboxRelay(settings, database, () -> new KafkaProducer<>(producerConfig), parkedRows, metrics);
    }

    /** Named so that its health contributor is {@code outboxRelay}. */
    @Bean
    OutboxRelayHealthIndicator outboxRelayHealthIndicator(OutboxRelay outboxRelay, ReplicationSlot slot,
                                                          ParkedRows parkedRows) {
        return new OutboxRelayHealthIndicator(outboxRelay, slot, parkedRows);
    }

    /**
     * The service's {@code spring.kafka} producer settings, with what the relay's guarantees rest on:
     * idempotence and {@code acks=all} (no loss, no reordering on retry), and a 1 ms linger for latency.
     * Its largest record is what every topic accepts: a larger row fails at the producer and is parked.
     */
    static Map<String, Object> producerConfig(KafkaProperties kafka, String serviceName, MessageSizeLimits limits) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties(null));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, serviceName + "-outbox-relay");
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, limits.topicMaxMessageBytes());
        return config;
    }
}
