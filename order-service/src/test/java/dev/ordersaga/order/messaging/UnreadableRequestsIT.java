package dev.ordersaga.order.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.order.CoercibleNumbers;
import dev.ordersaga.order.OrderServiceIntegrationTest;
import dev.ordersaga.order.RawRequests;
import dev.ordersaga.schema.Headers;
import dev.ordersaga.schema.order.OrderRequestRejected;
import dev.ordersaga.schema.order.OrderRequestRejected.Violation;
import dev.ordersaga.testkit.ReceivedRecord;
import dev.ordersaga.schema.intake.CancelOrder;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests an outside producer can write but no record of ours serializes to: JSON of the wrong shape is
 * answered on order.events, like any invalid request, never coerced and never dead-lettered.
 */
class UnreadableRequestsIT extends OrderServiceIntegrationTest {

    /** Coerced, these would be an order for other amounts than the producer meant. */
    @ParameterizedTest
    @MethodSource("dev.ordersaga.order.CoercibleNumbers#lines")
    void placeOrderWithANumberThatWouldNeedCoercingIsRejectedNamingTheField(String line, String field) {
        UUID orderId = UUID.randomUUID();

        UUID messageId = RawRequests.publish("PlaceOrder", orderId.toString(), """
                {"orderId":"%s","customerId":"customer-1","currency":"EUR","lines":[{"sku":"BOOK-1",%s}]}"""
                .formatted(orderId, line));

        ReceivedRecord record = kafka().awaitRecord(orderId.toString(), OrderRequestRejected.class);
        assertThat(record.header(Headers.CAUSATION_ID)).isEqualTo(messageId.toString());
        assertThat(record.message(OrderRequestRejected.class))
                .isEqualTo(new OrderRequestRejected(orderId, "PlaceOrder", List.of(new Violation(field, CoercibleNumbers.MESSAGE))));
        awaitHandled(messageId);
        assertThat(countOrders(orderId)).isZero();
    }

    @Test
    void placeOrderWithAnOrderIdThatIsNotAUuidIsRejectedOnTheRecordsKeyWithoutAnOrderId() {
        String key = "order-" + UUID.randomUUID();

        UUID messageId = RawRequests.publish("PlaceOrder", key, """
                {"orderId":"%s","customerId":"customer-1","currency":"EUR",
                 "lines":[{"sku":"BOOK-1","quantity":1,"unitPrice":100}]}""".formatted(key));

        ReceivedRecord record = kafka().awaitRecord(key, OrderRequestRejected.class);
        assertThat(record.message(OrderRequestRejected.class)).isEqualTo(new OrderRequestRejected(null, "PlaceOrder",
                List.of(new Violation("orderId", "must be a UUID string of 8-4-4-4-12 hexadecimal digits"))));
        awaitHandled(messageId);
    }

    @Test
    void cancelOrderWithAnOrderIdThatIsNotAUuidIsRejectedOnTheRecordsKey() {
        String key = "cancel-" + UUID.randomUUID();

        UUID messageId = RawRequests.publish("CancelOrder", key, "{\"orderId\":\"" + key + "\"}");

        assertThat(kafka().awaitRecord(key, OrderRequestRejected.class).message(OrderRequestRejected.class))
                .isEqualTo(new OrderRequestRejected(null, "CancelOrder", List.of(
                        new Violation("orderId", "must be a UUID string of 8-4-4-4-12 hexadecimal digits"))));
        awaitHandled(messageId);
    }

    @Test
    void aRedeliveredUnreadableRequestIsAnsweredOnce() {
        UUID orderId = UUID.randomUUID();
        String document = """
                {"orderId":"%s","reason":42}""".formatted(orderId);
        OrderRequestRejected unreadable = new OrderRequestRejected(orderId, "CancelOrder",
                List.of(new Violation("reason", "must be a string")));

        UUID messageId = RawRequests.publish("CancelOrder", orderId.toString(), document);
        kafka().awaitRecord(unreadable);
        RawRequests.publish(messageId, "CancelOrder", orderId.toString(), document);
        // The same key, so the same partition: once this is answered, the redelivery was handled before it.
        kafka().send(new CancelOrder(orderId, "fence"));
        kafka().awaitRecord(new OrderRequestRejected(orderId, "CancelOrder",
                List.of(new Violation("orderId", "no order " + orderId))));

        assertThat(kafka().recordsFor(orderId.toString()))
                .extracting(ReceivedRecord::message)
                .filteredOn(unreadable::equals)
                .hasSize(1);
    }
}
