package dev.ordersaga.order.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.messaging.MessageCodec;
import dev.ordersaga.order.OrderServiceIntegrationTest;
import dev.ordersaga.order.TestOrders;
import dev.ordersaga.schema.Headers;
import dev.ordersaga.schema.Money;
import dev.ordersaga.schema.intake.PlaceOrder;
import dev.ordersaga.schema.order.OrderPlaced;
import dev.ordersaga.schema.order.OrderRequestRejected;
import dev.ordersaga.schema.order.OrderRequestRejected.Violation;
import dev.ordersaga.testkit.ReceivedRecord;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlaceOrderIntakeIT extends OrderServiceIntegrationTest {

    private static final MessageCodec CODEC = new MessageCodec();

    @Test
    void placeOrderRecordStoresAPendingOrderAndPublishesOrderPlaced() throws Exception {
        UUID orderId = UUID.randomUUID();
        PlaceOrder request = TestOrders.placeOrder(orderId);

        UUID placeOrderId = kafka().send(request);

        awaitStatus(orderId, "PENDING");
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT customer_id, currency, total_amount FROM orders WHERE id = ?", orderId);
        assertThat(row).containsEntry("customer_id", request.customerId())
                .containsEntry("currency", "EUR")
                .containsEntry("total_amount", TestOrders.TOTAL);
        assertThat(countLines(orderId)).isEqualTo(2);

        ReceivedRecord record = kafka().awaitRecord(orderId.toString(), OrderPlaced.class);
        assertThat(record.key()).isEqualTo(orderId.toString());
        assertThat(record.messageId()).isNotEqualTo(placeOrderId);
        assertThat(record.header(Headers.CORRELATION_ID)).isEqualTo(orderId.toString());
        assertThat(record.header(Headers.CAUSATION_ID)).isEqualTo(placeOrderId.toString());
        OrderPlaced placed = record.message(OrderPlaced.class);
        assertThat(placed).isEqualTo(new OrderPlaced(orderId, request.customerId(), List.of(
                new OrderPlaced.Line("BOOK-DDD-001", 2, Money.of(4999, "EUR")),
                new OrderPlaced.Line("MUG-LOGO-042", 1, Money.of(1250, "EUR"))),
                Money.of(TestOrders.TOTAL, "EUR")));
    }

    @Test
    void theSameOrderIdTwiceStoresOneOrderAndPublishesOneOrderPlaced() throws Exception {
        UUID orderId = UUID.randomUUID();
        PlaceOrder request = TestOrders.placeOrder(orderId);

        kafka().send(request);
        UUID repeatId = kafka().send(request);
        awaitHandled(repeatId);
        // REST as well: a producer may retry over the other channel.
        placeViaRest(request);

        assertThat(countOrders(orderId)).isEqualTo(1);
        assertThat(countLines(orderId)).isEqualTo(2);
        assertThat(eventTypesUpToApproval(orderId)).containsExactly("OrderPlaced", "OrderApproved");
    }

    @Test
    void invalidPlaceOrderIsAnsweredWithOrderRequestRejectedListingEveryViolation() throws Exception {
        UUID orderId = UUID.randomUUID();
        PlaceOrder request = new PlaceOrder(orderId, "customer-1", "EURO", List.of(
                new PlaceOrder.Line("BOOK-DDD-001", 0, -1L)));

        UUID placeOrderId = kafka().send(request);

        ReceivedRecord record = kafka().awaitRecord(orderId.toString(), OrderRequestRejected.class);
        assertThat(record.header(Headers.CAUSATION_ID)).isEqualTo(placeOrderId.toString());
        OrderRequestRejected rejected = record.message(OrderRequestRejected.class);
        assertThat(rejected.orderId()).isEqualTo(orderId);
        assertThat(rejected.requestType()).isEqualTo("PlaceOrder");
        assertThat(rejected.violations()).extracting(Violation::field)
                .containsExactly("currency", "lines[0].quantity", "lines[0].unitPrice");
        assertThat(countOrders(orderId)).isZero();
    }

    /**
     * 780 KB of invalid lines once made a 4.5 MB rejection, which the relay could not publish: order-service
     * went silent. Now it is one violation, the answer is published, and the next order goes through.
     */
    @Test
    void aRequestOfTwentyThousandInvalidLinesGetsOneCompactRejectionAndTheNextOrderGoesThrough() throws Exception {
        UUID orderId = UUID.randomUUID();
        PlaceOrder oversized = new PlaceOrder(orderId, "customer-1", "EUR",
                Collections.nCopies(20_000, new PlaceOrder.Line("", 0, -1L)));
        assertThat(CODEC.encode(oversized).length()).as("the request's size").isGreaterThan(750_000);

        UUID messageId = kafka().send(oversized);

        OrderRequestRejected rejected =
                kafka().awaitRecord(orderId.toString(), OrderRequestRejected.class).message(OrderRequestRejected.class);
        assertThat(rejected).isEqualTo(new OrderRequestRejected(orderId, "PlaceOrder",
                List.of(new Violation("lines", "must contain at most 100 lines, has 20000"))));
        assertThat(CODEC.encode(rejected).length()).as("the rejection's size").isLessThan(300);
        awaitHandled(messageId);
        UUID nextOrderId = UUID.randomUUID();
        kafka().send(TestOrders.placeOrder(nextOrderId));
        kafka().awaitRecord(nextOrderId.toString(), OrderPlaced.class);
    }

    @Test
    void placeOrderWithoutOrderIdIsRejectedOnTheRequestsOwnKey() throws Exception {
        String customerId = "customer-" + UUID.randomUUID();
        PlaceOrder request = new PlaceOrder(null, customerId, "EUR", List.of(
                new PlaceOrder.Line("BOOK-DDD-001", 1, 100L)));
        String key = "no-order-id-" + UUID.randomUUID();

        kafka().send(request, key);

        OrderRequestRejected rejected =
                kafka().awaitRecord(key, OrderRequestRejected.class).message(OrderRequestRejected.class);
        assertThat(rejected.orderId()).isNull();
        assertThat(rejected.violations()).extracting(OrderRequestRejected.Violation::field).containsExactly("orderId");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM orders WHERE customer_id = ?", Integer.class, customerId))
                .isZero();
    }
}
