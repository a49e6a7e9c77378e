package dev.ordersaga.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.messaging.testapp.MessagingIntegrationTest;
import dev.ordersaga.schema.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaAdmin;

class TopicLimitsIT extends MessagingIntegrationTest {

    @Autowired
    private KafkaAdmin kafkaAdmin;
    @Autowired
    private MessageSizeLimits limits;

    @Test
    void everyTopicAcceptsTheConfiguredSizeAndItsDeadLetterTopicRoomForTheReasonHeaders() throws Exception {
        try (Admin admin = admin()) {
            for (String topic : Topics.ALL) {
                assertThat(maxMessageBytes(admin, topic)).as(topic).isEqualTo(limits.topicMaxMessageBytes());
                assertThat(maxMessageBytes(admin, Topics.deadLetterOf(topic))).as(Topics.deadLetterOf(topic))
                        .isEqualTo(limits.deadLetterMaxMessageBytes());
            }
        }
    }

    /** An existing topic with another limit (e.g. created before the limits were declared) is brought back to it. */
    @Test
    void bringsAnExistingTopicsLimitBackToTheDeclaredOneAtStart() throws Exception {
        String topic = Topics.deadLetterOf(Topics.ORDER_EVENTS);
        try (Admin admin = admin()) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "500000"), AlterConfigOp.OpType.SET))))
                    .all().get();
            assertThat(maxMessageBytes(admin, topic)).isEqualTo(500_000);

            // What a service does at start.
            kafkaAdmin.initialize();

            assertThat(maxMessageBytes(admin, topic)).isEqualTo(limits.deadLetterMaxMessageBytes());
        }
    }

    private static int maxMessageBytes(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return Integer.parseInt(admin.describeConfigs(List.of(resource)).all().get().get(resource)
                .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value());
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }
}
