package dev.ordersaga.messaging.consumer;

import static dev.ordersaga.messaging.testapp.InventoryCommands.release;
import static dev.ordersaga.messaging.testapp.InventoryCommands.reserve;
import static dev.ordersaga.messaging.testapp.TopicProbe.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ordersaga.messaging.testapp.InventoryCommands;
import dev.ordersaga.messaging.testapp.MessagingIntegrationTest;
import dev.ordersaga.messaging.testapp.Releases;
import dev.ordersaga.messaging.testapp.Reservations;
import dev.ordersaga.messaging.testapp.TopicProbe;
import dev.ordersaga.schema.Topics;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.transaction.UnexpectedRollbackException;

/**
 * One transaction per poll. The listener is paused while a test publishes, so that its records (one key, one
 * partition) come in one poll; the database transaction that applied each effect shows which were applied together.
 */
class BatchConsumptionIT extends MessagingIntegrationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static InventoryCommands commands;

    @Autowired
    private Reservations reservations;
    @Autowired
    private SubscriptionContainers containers;
    @Autowired
    private Releases releases;

    @BeforeAll
    static void producer() {
        commands = new InventoryCommands(bootstrapServers());
    }

    @AfterAll
    static void closeProducer() {
        commands.close();
    }

    @Test
    void appliesThePollInOneTransactionAndASecondCopyOfAMessageInItOnce() {
        UUID orderId = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();

        publishInOnePoll(List.of(reserve(orderId, first), reserve(orderId, second), reserve(orderId, first),
                reserve(orderId, third)));

        await().atMost(TIMEOUT).until(() -> reservations.timesApplied(third) == 1);
        assertThat(List.of(first, second, third)).allSatisfy(command -> {
            assertThat(reservations.timesApplied(command)).isEqualTo(1);
            assertThat(inboxRows(command)).isEqualTo(1);
        });
        assertThat(List.of(reservations.transactionOf(second), reservations.transactionOf(third)))
                .containsOnly(reservations.transactionOf(first));
    }

    /**
     * The failed record's effect row was written before it threw: its savepoint takes it back. The records before
     * it commit in the poll's transaction; those behind it are redelivered and applied once.
     */
    @Test
    void deadLettersARecordThatFailsForGoodInTheMiddleOfAPollAndAppliesTheOthersOnce() {
        UUID orderId = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID failing = UUID.randomUUID();
        UUID fourth = UUID.randomUUID();
        UUID fifth = UUID.randomUUID();
        try (TopicProbe deadLetters = TopicProbe.fromNow(bootstrapServers(), Topics.deadLetterOf(Topics.INVENTORY_COMMANDS))) {
            publishInOnePoll(List.of(reserve(orderId, first), reserve(orderId, second),
                    reserve(orderId, failing, Reservations.FAIL_PERMANENTLY), reserve(orderId, fourth),
                    reserve(orderId, fifth)));

            await().atMost(TIMEOUT).until(() -> reservations.timesApplied(fifth) == 1);
            ConsumerRecord<String, byte[]> deadLetter = deadLetters.awaitMessage(failing);

            assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                    .isEqualTo(IllegalArgumentException.class.getName());
            assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                    .contains("command " + failing + " cannot be applied");
            assertThat(reservations.timesApplied(failing)).isZero();
            assertThat(inboxRows(failing)).isZero();
            assertThat(List.of(first, second, fourth, fifth)).allSatisfy(command -> {
                assertThat(reservations.timesApplied(command)).isEqualTo(1);
                assertThat(inboxRows(command)).isEqualTo(1);
            });
            assertThat(reservations.transactionOf(second)).isEqualTo(reservations.transactionOf(first));
            assertThat(reservations.transactionOf(fourth)).isNotEqualTo(reservations.transactionOf(first));
            assertThat(deadLetters.countOf(failing)).isEqualTo(1);
        }
    }

    @Test
    void retriesARecordThatFailsOnceInTheMiddleOfAPollAndAppliesEveryRecordOnce() {
        UUID orderId = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID failingOnce = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        try (TopicProbe deadLetters = TopicProbe.fromNow(bootstrapServers(), Topics.deadLetterOf(Topics.INVENTORY_COMMANDS))) {
            publishInOnePoll(List.of(reserve(orderId, first), reserve(orderId, failingOnce, Reservations.FAIL_ONCE),
                    reserve(orderId, third)));

            await().atMost(TIMEOUT).until(() -> reservations.timesApplied(third) == 1);

            assertThat(List.of(first, failingOnce, third)).allSatisfy(command -> {
                assertThat(reservations.timesApplied(command)).isEqualTo(1);
                assertThat(inboxRows(command)).isEqualTo(1);
            });
            assertThat(reservations.transactionOf(failingOnce)).isNotEqualTo(reservations.transactionOf(first));
            deadLetters.poll(Duration.ofMillis(500));
            assertThat(deadLetters.countOf(failingOnce)).isZero();
        }
    }

    /**
     * The {@code @Transactional} method that threw marked the poll's transaction rollback-only; the savepoint undid
     * its work, so the records before it still commit in that transaction.
     */
    @Test
    void dealsWithARecordThatFailedInATransactionalMethodAloneAndCommitsThoseBeforeIt() {
        UUID orderId = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID failing = UUID.randomUUID();
        UUID fourth = UUID.randomUUID();
        try (TopicProbe deadLetters = TopicProbe.fromNow(bootstrapServers(), Topics.deadLetterOf(Topics.INVENTORY_COMMANDS))) {
            publishInOnePoll(List.of(reserve(orderId, first), reserve(orderId, second),
                    reserve(orderId, failing, Reservations.FAIL_IN_LEDGER), reserve(orderId, fourth)));

            await().atMost(TIMEOUT).until(() -> reservations.timesApplied(fourth) == 1);
            ConsumerRecord<String, byte[]> deadLetter = deadLetters.awaitMessage(failing);

            assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                    .isEqualTo(IllegalStateException.class.getName());
            assertThat(reservations.timesApplied(failing)).isZero();
            assertThat(List.of(first, second, fourth)).allSatisfy(
                    command -> assertThat(reservations.timesApplied(command)).isEqualTo(1));
            assertThat(reservations.transactionOf(second)).isEqualTo(reservations.transactionOf(first));
            // Not started over: the records before the failed one ran once.
            assertThat(List.of(reservations.attempts(first), reservations.attempts(second))).containsOnly(1);
        }
    }

    /**
     * A handler that swallows the failure of a {@code @Transactional} method leaves the transaction unable to
     * commit. That record fails, as it did when each record had its own transaction; the records before it are
     * applied again without it, and none is applied twice.
     */
    @Test
    void deadLettersARecordThatLeftThePollsTransactionRollbackOnlyAndAppliesTheOthersOnce() {
        UUID orderId = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID failing = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        try (TopicProbe deadLetters = TopicProbe.fromNow(bootstrapServers(), Topics.deadLetterOf(Topics.INVENTORY_COMMANDS))) {
            publishInOnePoll(List.of(reserve(orderId, first),
                    reserve(orderId, failing, Reservations.SWALLOW_LEDGER_FAILURE), reserve(orderId, third)));

            await().atMost(TIMEOUT).until(() -> reservations.timesApplied(third) == 1);
            ConsumerRecord<String, byte[]> deadLetter = deadLetters.awaitMessage(failing);

            assertThat(header(deadLetter, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                    .isEqualTo(UnexpectedRollbackException.class.getName());
            assertThat(reservations.timesApplied(failing)).isZero();
            assertThat(inboxRows(failing)).isZero();
            assertThat(List.of(first, third)).allSatisfy(command -> {
                assertThat(reservations.timesApplied(command)).isEqualTo(1);
                assertThat(inboxRows(command)).isEqualTo(1);
            });
            // The cost: the record before it ran again, in a new transaction.
            assertThat(reservations.attempts(first)).isEqualTo(2);
        }
    }

    /**
     * A two-step record is prepared before its run's records are applied; behind an earlier record of its key it
     * starts a run of its own, so that its preparation (a provider call, in payment-service) sees what that earlier
     * message of the order did. Another order's record in between shares the first run.
     */
    @Test
    void preparesATwoStepRecordOnlyAfterTheEarlierRecordOfItsKeyIsApplied() {
        UUID orderId = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID otherOrders = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        publishInOnePoll(List.of(release(orderId, first), release(UUID.randomUUID(), otherOrders),
                release(orderId, second)));

        await().atMost(TIMEOUT).until(() -> releases.appliedWith(second).size() == 1);
        Releases.Preparation firstPrepared = releases.preparationsOf(first).get(0);
        assertThat(releases.preparationsOf(otherOrders)).singleElement()
                .extracting(Releases.Preparation::effectsApplied).as("prepared in the first run, before it applied")
                .isEqualTo(firstPrepared.effectsApplied());
        assertThat(releases.preparationsOf(second)).singleElement()
                .extracting(Releases.Preparation::effectsApplied).as("prepared after the first run was applied")
                .isEqualTo(firstPrepared.effectsApplied() + 2);
    }

    /** Publishes while the listener is paused, so that the next poll holds every record. */
    private void publishInOnePoll(List<ProducerRecord<String, byte[]>> records) {
        containers.pause();
        try {
            await().atMost(TIMEOUT).until(containers::isPaused);
            commands.publishAll(records);
        } finally {
            containers.resume();
        }
    }

    private int inboxRows(UUID messageId) {
        Integer rows = jdbc.queryForObject("SELECT count(*) FROM inbox WHERE message_id = ?", Integer.class, messageId);
        return rows == null ? 0 : rows;
    }
}
