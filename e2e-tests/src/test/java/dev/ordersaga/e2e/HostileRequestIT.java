package dev.ordersaga.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests an outside producer can send that break the intake's rules, sent as it would: a plain Kafka client on
 * the public topic, and the REST API. Each gets one short OrderRequestRejected on order.events (a 400 over REST) that
 * names what is wrong; nothing is coerced, stored or dead-lettered, and a valid order placed right after completes.
 */
class HostileRequestIT extends EndToEndTest {

    private static final long UNIT_PRICE = 1_000;
    private static final int HOSTILE_LINES = 20_000;
    /** The intake reports at most this many violations, however many there are. */
    private static final int MAX_VIOLATIONS = 20;
    /** A rejection stays this small whatever the request held: it neither lists every line nor echoes values. */
    private static final int COMPACT_REJECTION_CHARS = 10_000;

    /**
     * A PlaceOrder whose lines are written raw, as given, so that they can hold what a producer's JSON library would
     * never write for them: a number that is not an integer, or no array at all.
     */
    record RawLines(String description, String lines, String field) {

        String json(String orderId, String customerId, String sku) {
            return """
                    {"orderId":"%s","customerId":"%s","currency":"EUR","lines":%s}"""
                    .formatted(orderId, customerId, lines.formatted(sku));
        }

        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<RawLines> requestsThatDoNotFitTheSchema() {
        return Stream.of(
                new RawLines("a decimal unit price (49.99)",
                        "[{\"sku\":\"%s\",\"quantity\":1,\"unitPrice\":49.99}]", "lines[0].unitPrice"),
                new RawLines("a numeric string quantity (\"2\")",
                        "[{\"sku\":\"%s\",\"quantity\":\"2\",\"unitPrice\":1000}]", "lines[0].quantity"),
                new RawLines("a boolean quantity (true)",
                        "[{\"sku\":\"%s\",\"quantity\":true,\"unitPrice\":1000}]", "lines[0].quantity"),
                new RawLines("an exponent unit price (1e3)",
                        "[{\"sku\":\"%s\",\"quantity\":1,\"unitPrice\":1e3}]", "lines[0].unitPrice"),
                new RawLines("lines that are not an array (\"many\")", "\"many\"", "lines"));
    }

    @Test
    void requestOfTwentyThousandInvalidLinesGetsOneCompactRejection() {
        String sku = newProduct(10);
        String customerId = newCustomer(100_000);
        String orderId = UUID.randomUUID().toString();
        String hostile = placeOrderJson(orderId, customerId,
                Collections.nCopies(HOSTILE_LINES, new Line("", 0, 0L)).toArray(Line[]::new));
        assertThat(hostile.length()).as("the hostile request's size").isGreaterThan(700_000);

        try (TopicWatcher events = watch(ORDER_EVENTS)) {
            publishPlaceOrder(orderId, hostile);

            ConsumerRecord<String, String> rejection = events.awaitRecord("OrderRequestRejected for " + orderId,
                    TopicWatcher.keyAndType(orderId, "OrderRequestRejected"));
            assertThat(rejection.value().length()).as("size of the rejection").isLessThan(COMPACT_REJECTION_CHARS);
            JsonNode body = Json.tree(rejection.value());
            assertThat(body.path("requestType").asText()).isEqualTo("PlaceOrder");
            assertThat(body.path("violations")).hasSizeBetween(1, MAX_VIOLATIONS);
            assertThat(body.path("violations")).as("the lines as a whole break one limit")
                    .filteredOn(violation -> "lines".equals(violation.path("field").asText()))
                    .singleElement()
                    .satisfies(violation -> assertThat(violation.path("message").asText()).contains("100"));

            String valid = placeOrder(customerId, Line.of(sku, 1, UNIT_PRICE));
            // order-service publishes its events in the order it wrote them: once the later approval is out, a
            // rejection published again (a relay retrying a batch it could not send) would be out too.
            events.awaitRecord("OrderApproved for the valid order " + valid,
                    TopicWatcher.keyAndType(valid, "OrderApproved"));
            assertThat(events.recordsMatching(TopicWatcher.keyAndType(orderId, "OrderRequestRejected")))
                    .as("rejections of %s", orderId).hasSize(1);
        }
        assertThat(getOrder(orderId).status()).as("a rejected request stores no order").isEqualTo(404);
        invariants.assertHoldWithoutResends();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestsThatDoNotFitTheSchema")
    void requestThatDoesNotFitTheSchemaIsRejectedNamingTheFieldOnKafkaAndOverRest(RawLines hostile) {
        String sku = newProduct(10);
        String customerId = newCustomer(100_000);
        String orderId = UUID.randomUUID().toString();

        try (TopicWatcher events = watch(ORDER_EVENTS)) {
            publishPlaceOrder(orderId, hostile.json(orderId, customerId, sku));

            JsonNode rejection = Json.tree(events.awaitRecord("OrderRequestRejected for " + orderId,
                    TopicWatcher.keyAndType(orderId, "OrderRequestRejected")).value());
            assertThat(rejection.path("requestType").asText()).isEqualTo("PlaceOrder");
            assertThat(violatedFields(rejection)).contains(hostile.field());
        }
        String postedId = UUID.randomUUID().toString();
        Http.Response response = Http.post(system.orderService().resolve("/orders"),
                hostile.json(postedId, customerId, sku));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(violatedFields(Json.tree(response.body()))).contains(hostile.field());
        assertThat(List.of(getOrder(orderId).status(), getOrder(postedId).status()))
                .as("neither request stored an order").containsOnly(404);

        awaitOrderStatus(placeOrder(customerId, Line.of(sku, 2, UNIT_PRICE)), "APPROVED");
        invariants.assertHoldWithoutResends();
    }

    @Test
    void orderIdThatIsNotAUuidIsRejectedKeyedByTheRecordsKeyNotDeadLettered() {
        String sku = newProduct(10);
        String customerId = newCustomer(100_000);
        String notAUuid = "order-" + UUID.randomUUID().toString().substring(0, 8);
        String request = placeOrderJson(notAUuid, customerId, Line.of(sku, 1, UNIT_PRICE));

        try (TopicWatcher events = watch(ORDER_EVENTS);
             TopicWatcher deadLetters = watch(ORDER_REQUESTS + "-dlt")) {
            publishPlaceOrder(notAUuid, request);

            JsonNode rejection = Json.tree(events.awaitRecord("OrderRequestRejected keyed " + notAUuid,
                    TopicWatcher.keyAndType(notAUuid, "OrderRequestRejected")).value());
            assertThat(rejection.path("requestType").asText()).isEqualTo("PlaceOrder");
            assertThat(rejection.path("orderId").isNull()).as("orderId of %s", rejection).isTrue();
            assertThat(violatedFields(rejection)).contains("orderId");

            String valid = placeOrder(customerId, Line.of(sku, 1, UNIT_PRICE));
            awaitOrderStatus(valid, "APPROVED");
            assertThat(deadLetters.recordsMatching(TopicWatcher.key(notAUuid))).as("dead letters of the request")
                    .isEmpty();
        }
        Http.Response response = Http.post(system.orderService().resolve("/orders"), request);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(violatedFields(Json.tree(response.body()))).contains("orderId");

        invariants.assertHoldWithoutResends();
    }
}
