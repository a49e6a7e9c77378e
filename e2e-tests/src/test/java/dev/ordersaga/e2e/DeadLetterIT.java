package dev.ordersaga.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Poison records on the public intake topic and on an internal one: each lands in its topic's dead-letter
 * topic with the reason, and the valid record published right behind it, on the same partition, is still
 * processed. A JSON document that does not fit its type is poison on an internal topic only: on the intake topic
 * the producer gets an OrderRequestRejected instead ({@link HostileRequestIT}).
 */
class DeadLetterIT extends FailurePathTest {

    private static final String INVENTORY_COMMANDS = "inventory.commands";
    private static final int ONE_MEGABYTE = 1_000_000;
    /** The README's "stack trace cut to a few KB": small enough that a full-size record's dead letter fits. */
    private static final int MAX_STACK_TRACE_CHARS = 8 * 1024;

    record Poison(String description, String type, String value, String reason) {

        @Override
        public String toString() {
            return description;
        }
    }

    private static final Poison MALFORMED_BYTES =
            new Poison("malformed bytes", "%s", "{\"orderId\": \"", "not a valid");

    static Stream<Arguments> poisons() {
        Poison unknownType = new Poison("unknown message type", "ShipEverything", "{\"orderId\": \"%s\"}",
                "Unknown message type 'ShipEverything'");
        Poison schemaInvalid = new Poison("schema-invalid document", "%s",
                "{\"orderId\": \"%s\", \"lines\": \"many\"}", "not a valid");
        return Stream.of(
                Arguments.of(ORDER_REQUESTS, "PlaceOrder", MALFORMED_BYTES),
                Arguments.of(INVENTORY_COMMANDS, "ReserveInventory", MALFORMED_BYTES),
                Arguments.of(ORDER_REQUESTS, "PlaceOrder", unknownType),
                Arguments.of(INVENTORY_COMMANDS, "ReserveInventory", unknownType),
                Arguments.of(INVENTORY_COMMANDS, "ReserveInventory", schemaInvalid));
    }

    @ParameterizedTest(name = "{2} on {0}")
    @MethodSource("poisons")
    void poisonRecordIsDeadLetteredWithItsReasonAndTheRecordBehindItIsProcessed(String topic, String validType,
                                                                                Poison poison) {
        String orderId = UUID.randomUUID().toString();
        String sku = newProduct(10);
        String customerId = newCustomer(100_000);

        try (TopicWatcher deadLetters = watch(topic + "-dlt")) {
            producer.publish(topic, orderId, poison.value().formatted(orderId), Map.of(
                    "message-id", UUID.randomUUID().toString(),
                    "message-type", poison.type().formatted(validType),
                    "schema-version", "1"));
            publishValidRecord(topic, orderId, customerId, sku);

            ConsumerRecord<String, String> deadLetter =
                    deadLetters.awaitRecord(poison + " in " + topic + "-dlt", TopicWatcher.key(orderId));
            assertThat(deadLetter.value()).isEqualTo(poison.value().formatted(orderId));
            assertDeadLetteredFrom(topic, poison, deadLetter);
        }
        assertValidRecordProcessed(topic, orderId);
    }

    /**
     * A producer's garbage as large as the topic takes: the dead letter holds all of it, with its reason (a short
     * stack trace, so the record and its headers still fit in the dead-letter topic), and the order queued behind it
     * on the same partition completes.
     */
    @Test
    void poisonRecordOfAboutOneMegabyteIsDeadLetteredWithItsReasonAndThePartitionMovesOn() {
        String orderId = UUID.randomUUID().toString();
        String sku = newProduct(10);
        String customerId = newCustomer(100_000);
        String poison = "not json ".repeat(ONE_MEGABYTE / "not json ".length());

        try (TopicWatcher deadLetters = watch(ORDER_REQUESTS + "-dlt")) {
            producer.publish(ORDER_REQUESTS, orderId, poison, Map.of(
                    "message-id", UUID.randomUUID().toString(),
                    "message-type", "PlaceOrder",
                    "schema-version", "1"));
            publishValidRecord(ORDER_REQUESTS, orderId, customerId, sku);

            ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord(
                    "the 1 MB poison record in " + ORDER_REQUESTS + "-dlt", TopicWatcher.key(orderId));
            // Not isEqualTo: a failure would print a megabyte twice.
            assertThat(deadLetter.value().equals(poison)).as("the dead letter holds the whole poison record").isTrue();
            assertDeadLetteredFrom(ORDER_REQUESTS, MALFORMED_BYTES, deadLetter);
            assertThat(TopicWatcher.header(deadLetter, "kafka_dlt-exception-stacktrace"))
                    .isNotBlank().hasSizeLessThanOrEqualTo(MAX_STACK_TRACE_CHARS);
        }
        assertValidRecordProcessed(ORDER_REQUESTS, orderId);
    }

    private static void assertDeadLetteredFrom(String topic, Poison poison, ConsumerRecord<String, String> deadLetter) {
        assertThat(TopicWatcher.header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(topic);
        assertThat(TopicWatcher.header(deadLetter, "kafka_dlt-exception-message")).contains(poison.reason());
        assertThat(TopicWatcher.header(deadLetter, "kafka_dlt-exception-cause-fqcn"))
                .endsWith("PoisonMessageException");
    }

    private void publishValidRecord(String topic, String orderId, String customerId, String sku) {
        if (topic.equals(ORDER_REQUESTS)) {
            placeOrder(orderId, customerId, Line.of(sku, 1, UNIT_PRICE));
        } else {
            publishInventoryCommand(orderId, "ReserveInventory",
                    Map.of("orderId", orderId, "lines", List.of(Map.of("sku", sku, "quantity", 1))));
        }
    }

    private void assertValidRecordProcessed(String topic, String orderId) {
        if (topic.equals(ORDER_REQUESTS)) {
            awaitOrderStatus(orderId, "APPROVED");
        } else {
            // A command no saga sent: inventory-service still applies it, which is what this scenario asks. Its
            // release, sent as the saga would compensate, gives the stock back so the invariants hold.
            await("the reservation behind the poison record").atMost(SAGA_TIMEOUT)
                    .until(() -> reservationStatus(orderId), "RESERVED"::equals);
            publishInventoryCommand(orderId, "ReleaseInventory", Map.of("orderId", orderId));
            await("the reservation to be released").atMost(SAGA_TIMEOUT)
                    .until(() -> reservationStatus(orderId), "RELEASED"::equals);
        }
        invariants.assertHoldWithoutResends();
    }

    private static void publishInventoryCommand(String orderId, String type, Map<String, Object> command) {
        producer.publish(INVENTORY_COMMANDS, orderId, Json.write(command), Map.of(
                "message-id", UUID.randomUUID().toString(),
                "message-type", type,
                "schema-version", "1"));
    }
}
