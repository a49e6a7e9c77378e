package dev.ordersaga.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaServerIT {

    private final String bootstrapServers = TestInfrastructure.get().kafkaBootstrapServers();

    @Test
    void recordProducedToADeclaredTopicIsConsumed() throws Exception {
        String topic = "it.round-trip." + UUID.randomUUID();
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "order-1", "{\"hello\":\"kafka\"}")).get();
        }

        assertThat(readAll(topic, 1))
                .singleElement()
                .satisfies(record -> {
                    assertThat(record.key()).isEqualTo("order-1");
                    assertThat(record.value()).isEqualTo("{\"hello\":\"kafka\"}");
                });
    }

    @Test
    void undeclaredTopicIsNotCreatedByAClient() throws Exception {
        String topic = "it.undeclared." + UUID.randomUUID();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            assertThat(consumer.partitionsFor(topic)).isEmpty();
        }

        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            assertThat(admin.listTopics().names().get()).doesNotContain(topic);
        }
    }

    /** A topic created without its own limit takes the dead letter of a full-size record. */
    @Test
    void aTopicWithoutItsOwnLimitAcceptsRecordsUpToTheBrokersMessageMaxBytes() throws Exception {
        String topic = "it.default-limit." + UUID.randomUUID();
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            assertThat(admin.describeConfigs(List.of(resource)).all().get().get(resource)
                    .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value())
                    .isEqualTo(Integer.toString(KafkaServer.MESSAGE_MAX_BYTES));
        }
        String value = "x".repeat(KafkaServer.MESSAGE_MAX_BYTES - 1024);

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, KafkaServer.MESSAGE_MAX_BYTES), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "order-1", value)).get();
        }

        assertThat(readAll(topic, 1)).singleElement().satisfies(record -> assertThat(record.value()).hasSize(value.length()));
    }

    @Test
    void listensOnTheRequestedPort() throws Exception {
        int port = FreePorts.find();

        try (KafkaServer server = KafkaServer.start(port)) {
            assertThat(server.bootstrapServers()).isEqualTo("localhost:" + port);
            try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port))) {
                assertThat(admin.describeCluster().nodes().get()).hasSize(1);
            }
        }
    }

    private List<ConsumerRecord<String, String>> readAll(String topic, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            consumer.seekToBeginning(consumer.assignment());
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer());
    }
}
