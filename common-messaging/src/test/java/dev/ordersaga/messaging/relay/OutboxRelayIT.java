package dev.ordersaga.messaging.relay;

import static dev.ordersaga.messaging.testapp.TopicProbe.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ordersaga.infra.TestInfrastructure;
import dev.ordersaga.messaging.MessageContext;
import dev.ordersaga.messaging.MessageSizeLimits;
import dev.ordersaga.messaging.testapp.MessagingIntegrationTest;
import dev.ordersaga.messaging.testapp.TopicProbe;
import dev.ordersaga.schema.Headers;
import dev.ordersaga.schema.Topics;
import dev.ordersaga.schema.inventory.InventoryReserved;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.core.env.Environment;

class OutboxRelayIT extends MessagingIntegrationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    private OutboxRelay relay;
    @Autowired
    private OutboxRelayHealthIndicator health;
    @Autowired
    private RelaySettings settings;
    @Autowired
    private ReplicationSlot slot;
    @Autowired
    private MeterRegistry meterRegistry;
    @Autowired
    private KafkaProperties kafkaProperties;
    @Autowired
    private Environment environment;
    @Autowired
    private ParkedRows parkedRows;
    @Autowired
    private MessageSizeLimits limits;

    /** Every test leaves this replica leading with a streaming engine, as the next one expects. */
    @AfterEach
    void leadAgain() {
        relay.start();
        awaitStreamingLeader(relay);
    }

    @Test
    void publishesACommittedRowWithItsKeyAllHeadersAndThePayload() throws Exception {
        UUID orderId = UUID.randomUUID();
        UUID causeId = UUID.randomUUID();
        String parentTrace = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        MessageContext cause = new MessageContext(causeId, "ReserveInventory", Topics.INVENTORY_COMMANDS, null, parentTrace);
        try (TopicProbe replies = probe(Topics.SAGA_REPLIES)) {
            UUID messageId = transactions.execute(status ->
                    MessageContext.callWithin(cause, () -> outbox.send(new InventoryReserved(orderId))));

            ConsumerRecord<String, byte[]> record = replies.awaitMessage(messageId);

            assertThat(record.key()).isEqualTo(orderId.toString());
            assertThat(header(record, Headers.MESSAGE_TYPE)).isEqualTo("InventoryReserved");
            assertThat(header(record, Headers.SCHEMA_VERSION)).isEqualTo("1");
            assertThat(header(record, Headers.CORRELATION_ID)).isEqualTo(orderId.toString());
            assertThat(header(record, Headers.CAUSATION_ID)).isEqualTo(causeId.toString());
            assertThat(header(record, Headers.TRACEPARENT))
                    .matches("00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01")
                    .isNotEqualTo(parentTrace);
            assertThat(record.headers().toArray()).extracting(h -> h.key()).containsExactlyInAnyOrder(
                    Headers.MESSAGE_ID, Headers.MESSAGE_TYPE, Headers.SCHEMA_VERSION, Headers.CORRELATION_ID,
                    Headers.CAUSATION_ID, Headers.TRACEPARENT);
            ObjectMapper json = new ObjectMapper();
            assertThat(json.readTree(record.value()))
                    .isEqualTo(json.readTree("{\"orderId\":\"" + orderId + "\"}"));
        }
    }

    @Test
    void publishesNothingFromARolledBackTransaction() {
        UUID orderId = UUID.randomUUID();
        try (TopicProbe replies = probe(Topics.SAGA_REPLIES)) {
            UUID rolledBack = transactions.execute(status -> {
                UUID id = outbox.send(new InventoryReserved(orderId));
                status.setRollbackOnly();
                return id;
            });
            // Same key, so same partition, committed later: once it is there, the rolled-back one would be too.
            UUID marker = sendCommitted(new InventoryReserved(orderId));

            ConsumerRecord<String, byte[]> markerRecord = replies.awaitMessage(marker);

            assertThat(replies.received())
                    .filteredOn(record -> record.partition() == markerRecord.partition())
                    .extracting(record -> header(record, Headers.MESSAGE_ID))
                    .contains(marker.toString())
                    .doesNotContain(rolledBack.toString());
        }
    }

    @Test
    void afterARestartPublishesWhatWasCommittedMeanwhileAndNothingAgain() {
        UUID orderId = UUID.randomUUID();
        try (TopicProbe replies = probe(Topics.SAGA_REPLIES)) {
            List<UUID> beforeStop = sendThree(orderId);
            beforeStop.forEach(replies::awaitMessage);

            relay.stop();
            assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
            List<UUID> whileStopped = sendThree(orderId);
            relay.start();
            UUID marker = sendCommitted(new InventoryReserved(orderId));

            replies.awaitMessage(marker);
            whileStopped.forEach(replies::awaitMessage);
            assertThat(beforeStop).allSatisfy(id -> assertThat(replies.countOf(id)).isEqualTo(1));
            assertThat(whileStopped).allSatisfy(id -> assertThat(replies.countOf(id)).isEqualTo(1));
        }
    }

    @Test
    void reportsLeaderHealthWithSlotLagAndMetersWhatItPublishes() {
        double publishedBefore = publishedCount(meterRegistry);
        try (TopicProbe replies = probe(Topics.SAGA_REPLIES)) {
            replies.awaitMessage(sendCommitted(new InventoryReserved(UUID.randomUUID())));
        }

        Health current = health.health();
        assertThat(current.getStatus()).isEqualTo(Status.UP);
        assertThat(current.getDetails())
                .containsEntry("role", "leader")
                .containsEntry("engineRunning", true)
                .containsEntry("slotName", "messaging_it_outbox")
                .containsKey("slotLagBytes");
        assertThat((Long) current.getDetails().get("slotLagBytes")).isNotNegative();
        await().atMost(TIMEOUT).untilAsserted(() ->
                assertThat(publishedCount(meterRegistry)).isGreaterThan(publishedBefore));
        assertThat(meterRegistry.get("messaging.relay.publish.lag").timer().count()).isPositive();
        assertThat(meterRegistry.get("messaging.relay.slot.lag").gauge().value()).isNotNegative();
    }

    /** DBZ-892: without outbox traffic, heartbeats still carry the slot past other tables' WAL. */
    @Test
    void aQuietOutboxStillMovesTheSlotPastWritesToOtherTables() {
        jdbc.update("INSERT INTO reservation_effect (command_id, order_id) VALUES (?, ?)",
                UUID.randomUUID(), UUID.randomUUID());
        String afterWrite = jdbc.queryForObject("SELECT pg_current_wal_lsn()::text", String.class);

        await().atMost(TIMEOUT).until(() -> jdbc.queryForObject(
                "SELECT confirmed_flush_lsn >= ?::pg_lsn FROM pg_replication_slots WHERE slot_name = ?",
                Boolean.class, afterWrite, settings.slotName()));
        assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM relay_heartbeat WHERE beat_at > now() - interval '5 seconds'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void reportsDownWhileTheLeadersEngineKeepsFailingAndKeepsRestartingIt() {
        RelaySettings broken = new RelaySettings("broken-service", "broken_outbox", "no_such_publication",
                settings.pollInterval(), settings.heartbeatInterval(), settings.offsetFlushInterval(),
                settings.maxBatchSize(), settings.retryInterval());
        ReplicationSlot brokenSlot = new ReplicationSlot(jdbc, broken.slotName());
        OutboxRelay failing = new OutboxRelay(broken, database(), () -> new KafkaProducer<>(
                RelayConfiguration.producerConfig(kafkaProperties, "broken", limits)), parkedRows,
                new RelayMetrics(new SimpleMeterRegistry(), brokenSlot, Clock.systemUTC()));
        OutboxRelayHealthIndicator failingHealth = new OutboxRelayHealthIndicator(failing, brokenSlot, parkedRows);
        try {
            failing.start();

            await().atMost(TIMEOUT).untilAsserted(() -> {
                Health current = failingHealth.health();
                assertThat(current.getStatus()).isEqualTo(Status.DOWN);
                assertThat(current.getDetails()).containsEntry("role", "leader").containsEntry("engineRunning", false);
                assertThat((Integer) current.getDetails().get("consecutiveFailures")).isGreaterThanOrEqualTo(2);
                assertThat((String) current.getDetails().get("lastFailure")).containsIgnoringCase("publication");
            });
        } finally {
            failing.stop();
            jdbc.query("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = ?",
                    (row, index) -> null, broken.slotName());
        }
    }

    @Test
    void stopsAndTakesBackLeadershipWhenTheLockSessionDies() throws Exception {
        Instant firstTerm = Instant.parse((String) health.health().getDetails().get("leaderSince"));

        assertThat(terminateSessionsNamed(relay.leaderLockApplicationName())).isEqualTo(1);

        await().atMost(TIMEOUT).untilAsserted(() -> {
            OutboxRelay.Status status = relay.status();
            assertThat(status.role()).isEqualTo(OutboxRelay.Role.LEADER);
            assertThat(status.leaderSince()).isAfter(firstTerm);
            assertThat(status.engineStreaming()).isTrue();
        });
        try (TopicProbe replies = probe(Topics.SAGA_REPLIES)) {
            replies.awaitMessage(sendCommitted(new InventoryReserved(UUID.randomUUID())));
        }
    }

    @Test
    void aStandbyReplicaTakesOverWhenTheLeaderStops() {
        SimpleMeterRegistry standbyMeters = new SimpleMeterRegistry();
        OutboxRelay standby = new OutboxRelay(settings, database(), () -> new KafkaProducer<>(
                RelayConfiguration.producerConfig(kafkaProperties, "standby", limits)), parkedRows,
                new RelayMetrics(standbyMeters, slot, Clock.systemUTC()));
        try (TopicProbe replies = probe(Topics.SAGA_REPLIES)) {
            standby.start();
            await().atMost(TIMEOUT).until(() -> standby.status().role() == OutboxRelay.Role.STANDBY);
            assertThat(relay.status().role()).isEqualTo(OutboxRelay.Role.LEADER);

            relay.stop();
            awaitStreamingLeader(standby);
            replies.awaitMessage(sendCommitted(new InventoryReserved(UUID.randomUUID())));

            assertThat(publishedCount(standbyMeters)).isEqualTo(1);
        } finally {
            standby.stop();
        }
    }

    /**
     * A row larger than the producer's max.request.size (written past Outbox.send, whose own limit would refuse
     * it) is parked with its reason; the rows after it are published once each, and the engine never fails.
     */
    @Test
    void parksARowTooLargeToPublishAndPublishesTheRowsAfterItOnce() {
        UUID orderId = UUID.randomUUID();
        String failureBefore = relay.status().lastFailure();
        double parkedBefore = parkedCount("RecordTooLargeException");
        try (TopicProbe replies = probe(Topics.SAGA_REPLIES)) {
            String padding = "x".repeat(limits.topicMaxMessageBytes());
            UUID tooLarge = transactions.execute(status -> insertRow(Topics.SAGA_REPLIES, orderId,
                    "{\"orderId\": \"" + orderId + "\", \"padding\": \"" + padding + "\"}"));
            List<UUID> after = sendThree(orderId);

            after.forEach(replies::awaitMessage);
            // Committed after all of them, same partition: once it is there, any re-published copy would be too.
            replies.awaitMessage(sendCommitted(new InventoryReserved(orderId)));

            assertThat(after).allSatisfy(id -> assertThat(replies.countOf(id)).isEqualTo(1));
            assertThat(replies.countOf(tooLarge)).isZero();
            Map<String, Object> parked = jdbc.queryForMap("""
                    SELECT topic, record_key, type, headers->>'message-id' AS message_id, length(payload) AS payload_length, reason
                    FROM outbox_parked WHERE id = ?""", tooLarge);
            assertThat(parked)
                    .containsEntry("topic", Topics.SAGA_REPLIES)
                    .containsEntry("record_key", orderId.toString())
                    .containsEntry("type", "InventoryReserved")
                    .containsEntry("message_id", tooLarge.toString());
            assertThat((Integer) parked.get("payload_length")).isGreaterThan(limits.topicMaxMessageBytes());
            assertThat((String) parked.get("reason"))
                    .startsWith("org.apache.kafka.common.errors.RecordTooLargeException")
                    .contains("max.request.size");
            assertThat(parkedCount("RecordTooLargeException")).isEqualTo(parkedBefore + 1);
            assertThat(relay.status().lastFailure()).as("no engine failure since the test began").isEqualTo(failureBefore);
            assertThat(relay.status().engineStreaming()).isTrue();
            Health current = health.health();
            assertThat(current.getStatus()).isEqualTo(Status.UP);
            assertThat((Long) current.getDetails().get("parkedRows")).isPositive();
            assertThat((String) current.getDetails().get("lastParkedReason")).contains("RecordTooLargeException");
            assertThat(current.getDetails()).containsKey("lastParkedAt");
        }
    }

    /**
     * A topic that refuses a record (its max.message.bytes is below the producer's limit) gets the rows after it,
     * in order, while the refused one is parked. The topic's limit stays above the producer's batch.size (16 KiB),
     * as every topic's does: below it, kafka-clients 3.9 splits a refused batch in an endless loop (KAFKA-8350).
     */
    @Test
    void parksARowItsTopicRefusesAndPublishesTheOthersInOrder() throws Exception {
        String smallTopic = "relay-it.small-records";
        createTopic(smallTopic, 64 * 1024);
        UUID orderId = UUID.randomUUID();
        String failureBefore = relay.status().lastFailure();
        try (TopicProbe smallRecords = probe(smallTopic)) {
            List<UUID> rows = transactions.execute(status -> List.of(
                    insertRow(smallTopic, orderId, "{\"n\": 1}"),
                    insertRow(smallTopic, orderId, "{\"padding\": \"" + "x".repeat(100 * 1024) + "\"}"),
                    insertRow(smallTopic, orderId, "{\"n\": 3}"),
                    insertRow(smallTopic, orderId, "{\"n\": 4}")));
            UUID refused = rows.get(1);

            smallRecords.awaitMessage(rows.get(3));

            assertThat(smallRecords.received()).extracting(record -> header(record, Headers.MESSAGE_ID))
                    .containsExactly(rows.get(0).toString(), rows.get(2).toString(), rows.get(3).toString());
            await().atMost(TIMEOUT).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM outbox_parked WHERE id = ?", Integer.class, refused) == 1);
            assertThat(jdbc.queryForObject("SELECT reason FROM outbox_parked WHERE id = ?", String.class, refused))
                    .startsWith("org.apache.kafka.common.errors.RecordTooLargeException");
            assertThat(relay.status().lastFailure()).isEqualTo(failureBefore);
        }
    }

    /**
     * The runbook's recipe, run as written there: once its topic takes it, a parked row re-sent through the outbox
     * is published with its own message id and headers, and leaves the parking lot.
     */
    @Test
    void theRunbooksRecipeResendsAParkedRowOnceItsTopicTakesIt() throws Exception {
        String topic = "relay-it.parked-then-resent";
        createTopic(topic, 64 * 1024);
        UUID orderId = UUID.randomUUID();
        String payload = "{\"padding\": \"" + "x".repeat(100 * 1024) + "\"}";
        UUID parked = transactions.execute(status -> insertRow(topic, orderId, payload));
        await().atMost(TIMEOUT).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM outbox_parked WHERE id = ?", Integer.class, parked) == 1);
        raiseMaxMessageBytes(topic, 1024 * 1024);

        try (TopicProbe records = probe(topic)) {
            jdbc.execute(runbookResendRecipe().replace("<message id>", parked.toString()));

            ConsumerRecord<String, byte[]> resent = records.awaitMessage(parked);
            assertThat(resent.key()).isEqualTo(orderId.toString());
            assertThat(header(resent, Headers.MESSAGE_TYPE)).isEqualTo("InventoryReserved");
            assertThat(header(resent, Headers.CORRELATION_ID)).isEqualTo(orderId.toString());
            assertThat(new ObjectMapper().readTree(resent.value()).path("padding").asText()).hasSize(100 * 1024);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_parked WHERE id = ?", Integer.class, parked))
                .isZero();
    }

    /** The transaction the runbook gives for re-sending a parked row, from BEGIN to COMMIT. */
    private static String runbookResendRecipe() throws Exception {
        String runbook = Files.readString(Path.of("..", "docs", "runbook.md"));
        int begin = runbook.indexOf("BEGIN;\nINSERT INTO outbox");
        int commit = runbook.indexOf("COMMIT;", begin);
        assertThat(begin).as("the runbook's re-send recipe").isNotNegative();
        return runbook.substring(begin, commit + "COMMIT;".length());
    }

    private static void raiseMaxMessageBytes(String topic, int maxMessageBytes) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            AlterConfigOp raise = new AlterConfigOp(
                    new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(maxMessageBytes)),
                    AlterConfigOp.OpType.SET);
            admin.incrementalAlterConfigs(Map.of(resource, List.of(raise))).all().get();
        }
    }

    /** Writes an outbox row as Outbox.send would, but with any topic and payload; call it in a transaction. */
    private UUID insertRow(String topic, UUID orderId, String payload) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO outbox (id, aggregatetype, aggregateid, topic, type, schema_version, payload, correlation_id)
                VALUES (?, 'order', ?, ?, 'InventoryReserved', 1, ?::jsonb, ?)""",
                id, orderId.toString(), topic, payload, orderId.toString());
        jdbc.update("DELETE FROM outbox WHERE id = ?", id);
        return id;
    }

    private static void createTopic(String topic, int maxMessageBytes) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                        .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(maxMessageBytes)))))
                        .all().get();
            }
            // A client asking a broker that has not heard of the topic yet would find no partitions.
            await().atMost(TIMEOUT).until(() -> admin.describeTopics(List.of(topic)).allTopicNames().get()
                    .get(topic).partitions().size() == 1);
        }
    }

    private double parkedCount(String reason) {
        return meterRegistry.find("messaging.relay.parked").tag("reason", reason).counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }

    private List<UUID> sendThree(UUID orderId) {
        return IntStream.range(0, 3).mapToObj(i -> sendCommitted(new InventoryReserved(orderId))).toList();
    }

    private RelayDatabase database() {
        return RelayDatabase.of(environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"));
    }

    private static void awaitStreamingLeader(OutboxRelay relay) {
        await().atMost(TIMEOUT).until(() -> relay.status().role() == OutboxRelay.Role.LEADER
                && relay.status().engineStreaming());
    }

    private static double publishedCount(MeterRegistry registry) {
        return registry.find("messaging.relay.published").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /** @return how many sessions were terminated */
    private static int terminateSessionsNamed(String applicationName) throws Exception {
        try (Connection superuser = DriverManager.getConnection(TestInfrastructure.get().postgres().superuserJdbcUrl());
                PreparedStatement terminate = superuser.prepareStatement(
                        "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?")) {
            terminate.setString(1, applicationName);
            try (ResultSet result = terminate.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }
}
