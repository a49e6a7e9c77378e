package dev.ordersaga.messaging.consumer;

import dev.ordersaga.messaging.MessageCodec;
import dev.ordersaga.messaging.MessageSizeLimits;
import dev.ordersaga.messaging.MessagingProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires a listener container, with inbox and dead-lettering, for every {@link MessageSubscription} bean. */
@Configuration(proxyBeanMethods = false)
public class ConsumerConfiguration {

    @Bean
    Inbox messagingInbox(JdbcTemplate jdbc) {
        return new Inbox(jdbc);
    }

    @Bean
    InboxJanitor messagingInboxJanitor(Inbox inbox, MessagingProperties properties) {
        return new InboxJanitor(inbox, properties.getInbox().getRetention(), properties.getInbox().getPurgeInterval());
    }

    @Bean
    KafkaTemplate<byte[], byte[]> messagingDeadLetterTemplate(KafkaProperties kafka, MessageSizeLimits limits) {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(deadLetterProducerConfig(kafka, limits)));
    }

    /** Each record's savepoint; with JPA, also its persistence context ({@link JpaConfiguration}). */
    @Bean
    RecordSavepoints messagingRecordSavepoints(JdbcTemplate jdbc, ObjectProvider<PersistenceContext> persistence) {
        return new RecordSavepoints(jdbc.getDataSource(), persistence.getIfAvailable(() -> PersistenceContext.NONE));
    }

    @Bean
    SubscriptionContainers messagingSubscriptionContainers(
            List<MessageSubscription> subscriptions, KafkaProperties kafka, MessagingProperties properties,
            MessageSizeLimits limits, KafkaTemplate<byte[], byte[]> messagingDeadLetterTemplate, Inbox inbox,
            MessageCodec codec, PlatformTransactionManager transactionManager, RecordSavepoints savepoints,
            ObjectProvider<MeterRegistry> meterRegistry) {
        DefaultKafkaConsumerFactory<byte[], byte[]> consumers =
                new DefaultKafkaConsumerFactory<>(consumerConfig(kafka, properties, limits));
        ConsumerMetrics metrics = new ConsumerMetrics(meterRegistry.getIfAvailable(SimpleMeterRegistry::new));
        DefaultErrorHandler errorHandler = DeadLetterErrorHandling.errorHandler(
                messagingDeadLetterTemplate, properties.getConsumer().getRetry(), metrics);
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        transactions.setTimeout((int) properties.getConsumer().getTransactionTimeout().toSeconds());
        IncomingMessageDecoder decoder = new IncomingMessageDecoder(codec);
        PollTransaction pollTransaction = new PollTransaction(inbox, transactions, savepoints);
        return new SubscriptionContainers(subscriptions, subscription -> {
            ContainerProperties containerProperties = new ContainerProperties(subscription.topic());
            // A batch listener: one transaction and one offset commit per poll (AckMode.BATCH, the default).
            containerProperties.setAckMode(ContainerProperties.AckMode.BATCH);
            containerProperties.setMessageListener(
                    new MessageDispatcher(subscription, decoder, inbox, pollTransaction, metrics));
            ConcurrentMessageListenerContainer<byte[], byte[]> container =
                    new ConcurrentMessageListenerContainer<>(consumers, containerProperties);
            container.setConcurrency(properties.getConsumer().getConcurrency());
            container.setCommonErrorHandler(errorHandler);
            container.setBeanName(subscription.topic() + "-listener");
            return container;
        });
    }

    /** Big enough for the dead letter of the largest record a topic accepts: the record plus its reason headers. */
    static Map<String, Object> deadLetterProducerConfig(KafkaProperties kafka, MessageSizeLimits limits) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties(null));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, limits.deadLetterMaxMessageBytes());
        return config;
    }

    /** Spring's {@code spring.kafka.consumer.*} settings, completed with what the library needs; explicit ones win. */
    static Map<String, Object> consumerConfig(KafkaProperties kafka, MessagingProperties properties,
                                              MessageSizeLimits limits) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties(null));
        String groupId = properties.getConsumer().getGroupId() != null
                ? properties.getConsumer().getGroupId()
                : properties.getServiceName();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        int sessionTimeoutMs = (int) properties.getConsumer().getSessionTimeout().toMillis();
        config.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, sessionTimeoutMs);
        config.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, sessionTimeoutMs / 3);
        // The largest record of a topic fits one partition fetch; a fetch of every partition stays bounded.
        config.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, limits.topicMaxMessageBytes());
        config.putIfAbsent(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, MessageSizeLimits.CONSUMER_FETCH_MAX_BYTES);
        // One poll is one transaction: this bounds its length and what a failed record sends back for redelivery.
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.getConsumer().getMaxPollRecords());
        return config;
    }

    /** Services on JPA: each record's entity changes are flushed inside its savepoint, and dropped with it. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"jakarta.persistence.EntityManagerFactory", "org.springframework.orm.jpa.EntityManagerHolder"})
    static class JpaConfiguration {

        @Bean
        PersistenceContext messagingPersistenceContext(ObjectProvider<jakarta.persistence.EntityManagerFactory> factories) {
            jakarta.persistence.EntityManagerFactory factory = factories.getIfUnique();
            return factory == null ? PersistenceContext.NONE : new JpaPersistenceContext(factory);
        }
    }
}
