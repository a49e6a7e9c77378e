package dev.ordersaga.messaging.consumer;

import static dev.ordersaga.messaging.testapp.TopicProbe.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordersaga.messaging.MessageCodec;
import dev.ordersaga.messaging.outbox.OutboxMessageTooLargeException;
import dev.ordersaga.messaging.testapp.MessagingIntegrationTest;
import dev.ordersaga.messaging.testapp.Reservations;
import dev.ordersaga.messaging.testapp.TopicProbe;
import dev.ordersaga.messaging.tracing.Traceparent;
import dev.ordersaga.schema.Headers;
import dev.ordersaga.schema.StockLine;
import dev.ordersaga.schema.Topics;
import dev.ordersaga.schema.inventory.ReserveInventory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.support.KafkaHeaders;

class MessageConsumptionIT extends MessagingIntegrationTest {

    @Autowired
    private MeterRegistry meterRegistry;

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final MessageCodec CODEC = new MessageCodec();
    private static KafkaProducer<String, byte[]> producer;

    @Autowired
    private Reservations reservations;

    @BeforeAll
    static void producer() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    @AfterAll
    static void closeProducer() {
        producer.close();
    }

    @Test
    void appliesACommandAndRepliesThroughTheOutboxWithCausationAndTrace() {
        UUID orderId = UUID.randomUUID();
        UUID commandId = UUID.randomUUID();
        String trace = Traceparent.childOf(null);
        try (TopicProbe replies = probe(Topics.SAGA_REPLIES)) {
            publish(reserve(orderId, commandId, trace));

            ConsumerRecord<String, byte[]> reply = replies.awaitRecord(
                    record -> commandId.toString().equals(header(record, Headers.CAUSATION_ID)));

            assertThat(reservations.timesApplied(commandId)).isEqualTo(1);
            assertThat(reply.key()).isEqualTo(orderId.toString());
            assertThat(header(reply, Headers.MESSAGE_TYPE)).isEqualTo("InventoryReserved");
            assertThat(header(reply, Headers.CORRELATION_ID)).isEqualTo(orderId.toString());
            assertThat(Traceparent.traceId(header(reply, Headers.TRACEPARENT))).isEqualTo(Traceparent.traceId(trace));
        }
    }

    /** A re-published relay tail delivers the same message id again: the inbox applies it once. */
    @Test
    void appliesTheSameMessageIdOnceWhenDeliveredTwice() {
        UUID orderId = UUID.randomUUID();
        UUID commandId = UUID.randomUUID();
        UUID laterCommandId = UUID.randomUUID();
        try (TopicProbe replies = probe(Topics.SAGA_REPLIES)) {
            publish(reserve(orderId, commandId, null));
            publish(reserve(orderId, commandId, null));
            // Same key and partition, after both copies: once it is applied, both copies were handled.
            publish(reserve(orderId, laterCommandId, null));

            await().atMost(TIMEOUT).until(() -> reservations.timesApplied(laterCommandId) == 1);
            replies.awaitRecord(record -> laterCommandId.toString().equals(header(record, Headers.CAUSATION_ID)));

            assertThat(reservations.timesApplied(commandId)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM inbox WHERE message_id = ?", Integer.class, commandId))
                    .isEqualTo(1);
            assertThat(replies.received())
                    .filteredOn(record -> commandId.toString().equals(header(record, Headers.CAUSATION_ID)))
                    .hasSize(1);
        }
    }

    static Stream<Arguments> poisonRecords() {
        UUID orderId = UUID.randomUUID();
        byte[] validPayload = CODEC.encode(new ReserveInventory(orderId, List.of(new StockLine("SKU-1", 1))))
                .getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of("malformed JSON", orderId,
                        record(orderId, "{\"orderId\": ".getBytes(StandardCharsets.UTF_8),
                                Map.of(Headers.MESSAGE_ID, UUID.randomUUID().toString(), Headers.MESSAGE_TYPE, "ReserveInventory")),
                        "Value is not a valid ReserveInventory document"),
                Arguments.of("unknown message type", orderId,
                        record(orderId, validPayload,
                                Map.of(Headers.MESSAGE_ID, UUID.randomUUID().toString(), Headers.MESSAGE_TYPE, "ReserveEverything")),
                        "Unknown message type 'ReserveEverything'"),
                Arguments.of("missing message id", orderId,
                        record(orderId, validPayload, Map.of(Headers.MESSAGE_TYPE, "ReserveInventory")),
                        "Missing header message-id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poisonRecords")
    void deadLettersAPoisonRecordWithoutBlockingItsPartition(String description, UUID orderId,
                                                           ProducerRecord<String, byte[]> poison, String reason) {
        UUID laterCommandId = UUID.randomUUID();
        double deadLetteredBefore = deadLetteredCount();
        try (TopicProbe deadLetters = probe(Topics.deadLetterOf(Topics.INVENTORY_COMMANDS))) {
            publish(poison);
            publish(reserve(orderId, laterCommandId, null));

            await().atMost(TIMEOUT).until(() -> reservations.timesApplied(laterCommandId) == 1);
            ConsumerRecord<String, byte[]> deadLetter = deadLetters.awaitRecord(record -> orderId.toString().equals(record.key()));

            assertThat(deadLetter.value()).isEqualTo(poison.value());
            assertThat(header(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.INVENTORY_COMMANDS);
            assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_FQCN)).isNotBlank();
            assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                    .isEqualTo(PoisonMessageException.class.getName());
            assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains(reason);
            assertThat(deadLetters.received()).hasSize(1);
            await().atMost(TIMEOUT).until(() -> deadLetteredCount() == deadLetteredBefore + 1);
        }
    }

    /**
     * A command whose reply the outbox refuses as too large is dead-lettered with that reason, and nothing of
     * its handling commits: no effect, no inbox row, no reply. The command behind it is handled.
     */
    @Test
    void deadLettersACommandWhoseReplyIsTooLargeForTheOutboxAndCommitsNothingOfIt() {
        UUID orderId = UUID.randomUUID();
        UUID commandId = UUID.randomUUID();
        UUID laterCommandId = UUID.randomUUID();
        // About 220 KB of command; its reply lists every line again, over the outbox's 256 KiB.
        List<StockLine> soldOut = IntStream.range(0, 6_000)
                .mapToObj(i -> new StockLine(Reservations.SOLD_OUT_PREFIX + String.format("%06d", i), 1))
                .toList();
        ProducerRecord<String, byte[]> command = record(orderId,
                CODEC.encode(new ReserveInventory(orderId, soldOut)).getBytes(StandardCharsets.UTF_8),
                Map.of(Headers.MESSAGE_ID, commandId.toString(), Headers.MESSAGE_TYPE, "ReserveInventory"));
        try (TopicProbe replies = probe(Topics.SAGA_REPLIES);
                TopicProbe deadLetters = probe(Topics.deadLetterOf(Topics.INVENTORY_COMMANDS))) {
            publish(command);
            publish(reserve(orderId, laterCommandId, null));

            // Same key and partition: the later command's reply comes after any reply of the refused one.
            replies.awaitRecord(record -> laterCommandId.toString().equals(header(record, Headers.CAUSATION_ID)));
            ConsumerRecord<String, byte[]> deadLetter = deadLetters.awaitRecord(
                    record -> commandId.toString().equals(header(record, Headers.MESSAGE_ID)));

            assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                    .isEqualTo(OutboxMessageTooLargeException.class.getName());
            assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                    .contains("InventoryUnavailable is ")
                    .contains("over the outbox limit of 262144 bytes (messaging.outbox.max-message-bytes)");
            assertThat(deadLetter.value()).isEqualTo(command.value());
            assertThat(reservations.timesApplied(commandId)).isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM inbox WHERE message_id = ?", Integer.class, commandId))
                    .isZero();
            assertThat(replies.received())
                    .noneMatch(record -> commandId.toString().equals(header(record, Headers.CAUSATION_ID)));
            assertThat(reservations.timesApplied(laterCommandId)).isEqualTo(1);
        }
    }

    /**
     * A poison record just under the topic's 1 MiB limit is dead-lettered whole, with its reason headers cut to
     * a few KB, although record and headers together exceed 1 MiB; the record behind it is handled.
     */
    @Test
    void deadLettersAPoisonRecordOfAboutOneMegabyteAndMovesOnBehindIt() {
        UUID orderId = UUID.randomUUID();
        UUID laterCommandId = UUID.randomUUID();
        String unterminated = "{\"orderId\": \"" + "x".repeat(1024 * 1024 - 1024 - 13);
        ProducerRecord<String, byte[]> poison = record(orderId, unterminated.getBytes(StandardCharsets.UTF_8),
                Map.of(Headers.MESSAGE_ID, UUID.randomUUID().toString(), Headers.MESSAGE_TYPE, "ReserveInventory"));
        try (TopicProbe deadLetters = probe(Topics.deadLetterOf(Topics.INVENTORY_COMMANDS))) {
            publish(poison);
            publish(reserve(orderId, laterCommandId, null));

            await().atMost(TIMEOUT).until(() -> reservations.timesApplied(laterCommandId) == 1);
            ConsumerRecord<String, byte[]> deadLetter =
                    deadLetters.awaitRecord(record -> orderId.toString().equals(record.key()));

            assertThat(deadLetter.value()).hasSize(1024 * 1024 - 1024).isEqualTo(poison.value());
            assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                    .isEqualTo(PoisonMessageException.class.getName());
            assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).isNotBlank();
            assertThat(deadLetter.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE).value())
                    .hasSizeLessThanOrEqualTo(TruncatedExceptionHeaders.MAX_MESSAGE_BYTES);
            assertThat(deadLetter.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_STACKTRACE).value())
                    .hasSizeLessThanOrEqualTo(TruncatedExceptionHeaders.MAX_STACK_TRACE_BYTES);
            assertThat(deadLetter.serializedValueSize() + headerBytes(deadLetter))
                    .as("the dead letter is larger than a source topic accepts")
                    .isGreaterThan(1024 * 1024);
        }
    }

    private static int headerBytes(ConsumerRecord<?, ?> record) {
        int bytes = 0;
        for (org.apache.kafka.common.header.Header header : record.headers()) {
            bytes += header.key().length() + header.value().length;
        }
        return bytes;
    }

    /**
     * With the dead-letter topic gone, the poison record cannot be parked: its offset stays uncommitted and
     * the partition waits behind it. Once the topic is back, the record is dead-lettered and the one behind
     * it is applied: nothing was lost on the way.
     */
    @Test
    void keepsAPoisonRecordUncommittedWhileItsDeadLetterCannotBePublished() throws Exception {
        String deadLetterTopic = Topics.deadLetterOf(Topics.INVENTORY_COMMANDS);
        UUID orderId = UUID.randomUUID();
        UUID laterCommandId = UUID.randomUUID();
        ProducerRecord<String, byte[]> poison = record(orderId, "{\"orderId\": ".getBytes(StandardCharsets.UTF_8),
                Map.of(Headers.MESSAGE_ID, UUID.randomUUID().toString(), Headers.MESSAGE_TYPE, "ReserveInventory"));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            int partitions = admin.describeTopics(List.of(deadLetterTopic)).allTopicNames().get()
                    .get(deadLetterTopic).partitions().size();
            admin.deleteTopics(List.of(deadLetterTopic)).all().get();
            await().atMost(TIMEOUT).until(() -> !admin.listTopics().names().get().contains(deadLetterTopic));
            try {
                publish(poison);
                publish(reserve(orderId, laterCommandId, null));

                await("the record behind the poison one to stay unapplied").during(Duration.ofSeconds(4))
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> reservations.timesApplied(laterCommandId) == 0);
            } finally {
                admin.createTopics(List.of(new NewTopic(deadLetterTopic, partitions, (short) 1))).all().get();
            }
            await().atMost(TIMEOUT).until(() -> reservations.timesApplied(laterCommandId) == 1);
            try (TopicProbe deadLetters = TopicProbe.fromBeginning(bootstrapServers(), deadLetterTopic)) {
                ConsumerRecord<String, byte[]> deadLetter =
                        deadLetters.awaitRecord(record -> orderId.toString().equals(record.key()));
                assertThat(deadLetter.value()).isEqualTo(poison.value());
            }
        }
    }

    private double deadLetteredCount() {
        return meterRegistry.find("messaging.consumer.dead.letters")
                .tags("topic", Topics.INVENTORY_COMMANDS, "reason", PoisonMessageException.class.getSimpleName())
                .counters().stream().mapToDouble(Counter::count).sum();
    }

    private static ProducerRecord<String, byte[]> reserve(UUID orderId, UUID commandId, String traceparent) {
        ReserveInventory command = new ReserveInventory(orderId, List.of(new StockLine("SKU-1", 2)));
        Map<String, String> headers = traceparent == null
                ? Map.of(Headers.MESSAGE_ID, commandId.toString(), Headers.MESSAGE_TYPE, "ReserveInventory",
                        Headers.SCHEMA_VERSION, "1")
                : Map.of(Headers.MESSAGE_ID, commandId.toString(), Headers.MESSAGE_TYPE, "ReserveInventory",
                        Headers.SCHEMA_VERSION, "1", Headers.TRACEPARENT, traceparent);
        return record(orderId, CODEC.encode(command).getBytes(StandardCharsets.UTF_8), headers);
    }

    private static ProducerRecord<String, byte[]> record(UUID orderId, byte[] value, Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.INVENTORY_COMMANDS, orderId.toString(), value);
        headers.forEach((name, headerValue) -> record.headers().add(name, headerValue.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static void publish(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish the test record", e);
        }
    }
}
