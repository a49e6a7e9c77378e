package dev.ordersaga.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Poison records on the public intake topic and on an internal one: each lands in its topic's dead-letter
 * topic with the reason, and the valid record published right behind it, on the same partition, is still
 * processed.
 */
class DeadLetterIT extends FailurePathTest {

    private static final String INVENTORY_COMMANDS = "inventory.commands";

    record Poison(String description, String type, String value, String reason) {

        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Arguments> poisons() {
        return Stream.of(
                new Poison("malformed bytes", "%s", "{\"orderId\": \"", "not a valid"),
                new Poison("schema-invalid document", "%s", "{\"orderId\": \"%s\", \"lines\": \"many\"}", "not a valid"),
                new Poison("unknown message type", "ShipEverything", "{\"orderId\": \"%s\"}",
                        "Unknown message type 'ShipEverything'"))
                .flatMap(poison -> Stream.of(
                        Arguments.of(ORDER_REQUESTS, "PlaceOrder", poison),
                        Arguments.of(INVENTORY_COMMANDS, "ReserveInventory", poison)));
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
            assertThat(TopicWatcher.header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(topic);
            assertThat(TopicWatcher.header(deadLetter, "kafka_dlt-exception-message")).contains(poison.reason());
            assertThat(TopicWatcher.header(deadLetter, "kafka_dlt-exception-cause-fqcn")).endsWith("PoisonMessageException");
        }
        assertValidRecordProcessed(topic, orderId);
    }

    private void publishValidRecord(String topic, String orderId, String customerId, String sku) {
        if (topic.equals(ORDER_REQUESTS)) {
            invariants.order(orderId, customerId, Line.of(sku, 1, UNIT_PRICE));
            publishPlaceOrder(orderId, placeOrderJson(orderId, customerId, Line.of(sku, 1, UNIT_PRICE)));
        } else {
            producer.publish(topic, orderId,
                    Json.write(Map.of("orderId", orderId, "lines", List.of(Map.of("sku", sku, "quantity", 1)))),
                    Map.of("message-id", UUID.randomUUID().toString(),
                            "message-type", "ReserveInventory",
                            "schema-version", "1"));
        }
    }

    private void assertValidRecordProcessed(String topic, String orderId) {
        if (topic.equals(ORDER_REQUESTS)) {
            awaitOrderStatus(orderId, "APPROVED");
            invariants.assertHold();
        } else {
            // A command no saga sent: inventory-service still applies it, which is all this scenario asks.
            org.awaitility.Awaitility.await("the reservation behind the poison record")
                    .atMost(SAGA_TIMEOUT)
                    .until(() -> reservationStatus(orderId), "RESERVED"::equals);
        }
    }
}
