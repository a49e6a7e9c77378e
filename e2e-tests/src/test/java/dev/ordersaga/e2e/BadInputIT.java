package dev.ordersaga.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Invalid requests get reasons, undecodable bytes get dead-lettered, and neither stops the intake. */
class BadInputIT extends EndToEndTest {

    @Test
    void placeOrderWithQuantityZeroIsRejectedNamingTheField() {
        String sku = newProduct(10);
        String customerId = newCustomer(10_000);
        String orderId = UUID.randomUUID().toString();

        try (TopicWatcher events = watch(ORDER_EVENTS)) {
            publishPlaceOrder(orderId, placeOrderJson(orderId, customerId, Line.of(sku, 0, 100)));

            ConsumerRecord<String, String> rejection =
                    events.awaitRecord("OrderRequestRejected for " + orderId, TopicWatcher.keyAndType(orderId, "OrderRequestRejected"));

            assertThat(violatedFields(Json.tree(rejection.value()))).contains("lines[0].quantity");
        }
        assertThat(getOrder(orderId).status()).as("a rejected request stores no order").isEqualTo(404);
        invariants.assertHoldWithoutResends();
    }

    @Test
    void orderPostedWithoutLinesGetsBadRequestWithViolations() {
        String orderId = UUID.randomUUID().toString();

        Http.Response response = Http.post(system.orderService().resolve("/orders"),
                placeOrderJson(orderId, newCustomer(10_000)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(violatedFields(Json.tree(response.body()))).anySatisfy(field -> assertThat(field).startsWith("lines"));
        assertThat(getOrder(orderId).status()).as("a rejected request stores no order").isEqualTo(404);
        invariants.assertHoldWithoutResends();
    }

    @Test
    void undecodableRequestIsDeadLetteredAndTheOrderBehindItStillCompletes() {
        String orderId = UUID.randomUUID().toString();
        String customerId = newCustomer(10_000);
        String sku = newProduct(10);

        try (TopicWatcher deadLetters = watch(ORDER_REQUESTS + "-dlt")) {
            // Same key, so the valid request queues behind the poison one on the same partition.
            producer.publish(ORDER_REQUESTS, orderId, "{not json", Map.of(
                    "message-id", UUID.randomUUID().toString(),
                    "message-type", "PlaceOrder",
                    "schema-version", "1"));
            placeOrder(orderId, customerId, Line.of(sku, 1, 100));

            ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecord("the poison record", TopicWatcher.key(orderId));

            assertThat(deadLetter.value()).isEqualTo("{not json");
            assertThat(List.of("kafka_dlt-exception-message", "kafka_dlt-exception-fqcn"))
                    .anySatisfy(header -> assertThat(TopicWatcher.header(deadLetter, header)).isNotBlank());
        }
        awaitOrderStatus(orderId, "APPROVED");
        invariants.assertHoldWithoutResends();
    }
}
