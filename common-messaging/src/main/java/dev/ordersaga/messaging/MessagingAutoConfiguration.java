package dev.ordersaga.messaging;

import dev.ordersaga.messaging.consumer.ConsumerConfiguration;
import dev.ordersaga.messaging.health.KafkaHealthIndicator;
import dev.ordersaga.messaging.outbox.Outbox;
import dev.ordersaga.messaging.relay.RelayConfiguration;
import dev.ordersaga.schema.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** Everything a service needs to send through the outbox and consume with an inbox; it just depends on this module. */
@AutoConfiguration(after = {
        DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class,
        HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class, KafkaAutoConfiguration.class})
@EnableConfigurationProperties(MessagingProperties.class)
@Import({ConsumerConfiguration.class, RelayConfiguration.class})
public class MessagingAutoConfiguration {

    MessagingAutoConfiguration(MessagingProperties properties, Environment environment) {
        if (properties.getServiceName() == null) {
            properties.setServiceName(environment.getRequiredProperty("spring.application.name"));
        }
    }

    /** Fails the start when the size settings disagree. */
    @Bean
    MessageSizeLimits messageSizeLimits(MessagingProperties properties) {
        return MessageSizeLimits.of(properties);
    }

    @Bean
    MessageCodec messageCodec() {
        return new MessageCodec();
    }

    /** After the service's own migrations: Flyway refuses to start on a schema it finds non-empty. */
    @Bean
    @DependsOnDatabaseInitialization
    MessagingSchema messagingSchema(DataSource dataSource) {
        return new MessagingSchema(dataSource);
    }

    @Bean
    @DependsOn("messagingSchema")
    Outbox outbox(JdbcTemplate jdbc, MessageCodec codec, MessageSizeLimits limits) {
        return new Outbox(jdbc, codec, limits.outboxMaxMessageBytes());
    }

    @Bean
    @ConditionalOnEnabledHealthIndicator("kafka")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka) {
        return new KafkaHealthIndicator(AdminClient.create(kafka.buildAdminProperties(null)), Duration.ofSeconds(3));
    }

    /**
     * Every topic and its dead-letter twin with as many partitions, so the default DLT resolver always fits. A
     * dead-letter topic accepts a little more than its source: a dead letter is the record plus its reason headers.
     */
    @Bean
    @ConditionalOnProperty(name = "messaging.topics.create", matchIfMissing = true)
    KafkaAdmin.NewTopics messagingTopics(MessagingProperties properties, MessageSizeLimits limits) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(topic(topic, properties.getTopics(), limits.topicMaxMessageBytes()));
            topics.add(topic(Topics.deadLetterOf(topic), properties.getTopics(), limits.deadLetterMaxMessageBytes()));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /**
     * Brings topics that already exist to the declared limits too: one created before them would keep Kafka's
     * default size, and the dead letter of a full-size record could never be published to it.
     */
    @Bean
    @ConditionalOnProperty(name = "messaging.topics.create", matchIfMissing = true)
    static TopicConfigUpdates messagingTopicConfigUpdates() {
        return new TopicConfigUpdates();
    }

    private static NewTopic topic(String name, MessagingProperties.Topics settings, int maxMessageBytes) {
        return TopicBuilder.name(name)
                .partitions(settings.getPartitions())
                .replicas(settings.getReplicationFactor())
                .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(maxMessageBytes))
                .build();
    }
}
