package dev.ordersaga.messaging.consumer;

import static dev.ordersaga.messaging.testapp.InventoryCommands.release;
import static dev.ordersaga.messaging.testapp.InventoryCommands.reserve;
import static dev.ordersaga.messaging.testapp.TopicProbe.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordersaga.messaging.testapp.InventoryCommands;
import dev.ordersaga.messaging.testapp.MessagingIntegrationTest;
import dev.ordersaga.messaging.testapp.Releases;
import dev.ordersaga.messaging.testapp.Releases.Preparation;
import dev.ordersaga.messaging.testapp.Reservations;
import dev.ordersaga.messaging.testapp.TopicProbe;
import dev.ordersaga.schema.Headers;
import dev.ordersaga.schema.Topics;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.support.KafkaHeaders;

/** A two-step handler: prepare outside the inbox transaction, apply inside it, on a real broker and database. */
class PreparedMessageHandlerIT extends MessagingIntegrationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static InventoryCommands commands;

    @Autowired
    private Releases releases;
    @Autowired
    private Reservations reservations;

    @BeforeAll
    static void producer() {
        commands = new InventoryCommands(bootstrapServers());
    }

    @AfterAll
    static void closeProducer() {
        commands.close();
    }

    @Test
    void preparesOutsideAnyTransactionWithTheMessagesContextAndAppliesWhatPrepareReturned() {
        UUID orderId = UUID.randomUUID();
        UUID commandId = UUID.randomUUID();

        commands.publish(release(orderId, commandId));

        await().atMost(TIMEOUT).until(() -> releases.appliedWith(commandId).size() == 1);
        assertThat(releases.appliedWith(commandId)).containsExactly("prepared-" + commandId);
        assertThat(releases.preparationsOf(commandId)).singleElement()
                .usingRecursiveComparison().ignoringFields("effectsApplied")
                .isEqualTo(new Preparation(commandId, commandId.toString(), orderId.toString(), false, 0));
    }

    /** The second copy is already in the inbox when it arrives: neither prepared nor applied again. */
    @Test
    void neitherPreparesNorAppliesAMessageTheInboxAlreadyHolds() {
        UUID orderId = UUID.randomUUID();
        UUID commandId = UUID.randomUUID();
        UUID laterCommandId = UUID.randomUUID();
        commands.publish(release(orderId, commandId));
        await().atMost(TIMEOUT).until(() -> releases.appliedWith(commandId).size() == 1);

        commands.publish(release(orderId, commandId));
        // Same key and partition, behind the copy: once it is applied, the copy was handled.
        commands.publish(reserve(orderId, laterCommandId));
        await().atMost(TIMEOUT).until(() -> reservations.timesApplied(laterCommandId) == 1);

        assertThat(releases.preparationsOf(commandId)).hasSize(1);
        assertThat(releases.appliedWith(commandId)).hasSize(1);
    }

    @Test
    void retriesATransientFailureOfPrepareAndAppliesOnce() {
        UUID orderId = UUID.randomUUID();
        UUID commandId = UUID.randomUUID();
        releases.failTransiently(orderId, 1);

        commands.publish(release(orderId, commandId));

        await().atMost(TIMEOUT).until(() -> releases.appliedWith(commandId).size() == 1);
        assertThat(releases.preparationsOf(commandId)).hasSize(2);
        assertThat(releases.appliedWith(commandId)).containsExactly("prepared-" + commandId);
    }

    @Test
    void deadLettersAPermanentFailureOfPrepareWithItsCauseAndMovesOn() {
        UUID orderId = UUID.randomUUID();
        UUID commandId = UUID.randomUUID();
        UUID laterCommandId = UUID.randomUUID();
        releases.failPermanently(orderId);
        try (TopicProbe deadLetters = TopicProbe.fromNow(bootstrapServers(), Topics.deadLetterOf(Topics.INVENTORY_COMMANDS))) {
            commands.publish(release(orderId, commandId));
            commands.publish(reserve(orderId, laterCommandId));

            await().atMost(TIMEOUT).until(() -> reservations.timesApplied(laterCommandId) == 1);
            ConsumerRecord<String, byte[]> deadLetter = deadLetters.awaitMessage(commandId);

            assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                    .isEqualTo(IllegalStateException.class.getName());
            assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("the provider refuses order");
            assertThat(header(deadLetter, Headers.MESSAGE_ID)).isEqualTo(commandId.toString());
            // Not retried: a failure that is not known to be transient goes straight to the dead letters.
            assertThat(releases.preparationsOf(commandId)).hasSize(1);
            assertThat(releases.appliedWith(commandId)).isEmpty();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM inbox WHERE message_id = ?", Integer.class, commandId))
                    .isZero();
        }
    }
}
