package dev.ordersaga.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of every scenario: connects to the {@link SystemUnderTest} and offers the helpers. Each
 * scenario seeds its own products and customers under fresh ids, so scenarios never share state, and
 * records them (with the orders it places) so that it can end with the {@link CrossServiceInvariants}.
 */
abstract class EndToEndTest {

    static final String ORDER_REQUESTS = "order.requests";
    static final String ORDER_EVENTS = "order.events";
    static final Duration SAGA_TIMEOUT = Duration.ofSeconds(60);

    static SystemUnderTest system;
    static PlainProducer producer;

    final CrossServiceInvariants invariants = new CrossServiceInvariants();

    @BeforeAll
    static void connect() {
        system = SystemUnderTest.get();
        producer = new PlainProducer(system.kafkaBootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        if (producer != null) {
            producer.close();
        }
    }

    /** One line of a PlaceOrder as the producer writes it. */
    record Line(String sku, Integer quantity, Long unitPrice) {

        static Line of(String sku, int quantity, long unitPrice) {
            return new Line(sku, quantity, unitPrice);
        }
    }

    // ---- seeding, through the services' upsert endpoints

    /** A new product with {@code available} units in stock; returns its SKU. */
    static String seedProduct(long available) {
        String sku = "E2E-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("sku", sku);
        product.put("name", "End-to-end product " + sku);
        product.put("available", available);
        Http.Response response = Http.put(system.inventoryService().resolve("/products"), Json.write(List.of(product)));
        assertThat(response.status()).as("PUT /products: %s", response.body()).isBetween(200, 299);
        return sku;
    }

    /** A new customer whose account holds {@code balance} EUR minor units; returns the customer id. */
    static String seedCustomer(long balance) {
        String customerId = "e2e-customer-" + UUID.randomUUID();
        putAccount(customerId, balance);
        return customerId;
    }

    /** Creates the account, or sets its balance to {@code balance} EUR minor units, as an account import does. */
    static void putAccount(String customerId, long balance) {
        Map<String, Object> account = Map.of(
                "customerId", customerId,
                "balance", Map.of("amount", balance, "currency", "EUR"));
        Http.Response response = Http.put(system.paymentService().resolve("/accounts"), Json.write(List.of(account)));
        assertThat(response.status()).as("PUT /accounts: %s", response.body()).isBetween(200, 299);
    }

    /** {@link #seedProduct}, recorded for the invariants. */
    String newProduct(long stock) {
        String sku = seedProduct(stock);
        invariants.product(sku, stock);
        return sku;
    }

    /** {@link #seedCustomer}, recorded for the invariants. */
    String newCustomer(long balance) {
        String customerId = seedCustomer(balance);
        invariants.customer(customerId, balance);
        return customerId;
    }

    // ---- requests, as an outside producer sends them

    /** Publishes a PlaceOrder for these lines under a new order id, recorded for the invariants; returns the id. */
    String placeOrder(String customerId, Line... lines) {
        return placeOrder(UUID.randomUUID().toString(), customerId, lines);
    }

    /** Publishes a PlaceOrder for these lines, recorded for the invariants; returns the order id. */
    String placeOrder(String orderId, String customerId, Line... lines) {
        invariants.order(orderId, customerId, lines);
        publishPlaceOrder(orderId, placeOrderJson(orderId, customerId, lines));
        return orderId;
    }

    static String placeOrderJson(String orderId, String customerId, Line... lines) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("orderId", orderId);
        order.put("customerId", customerId);
        order.put("currency", "EUR");
        order.put("lines", Arrays.asList(lines));
        return Json.write(order);
    }

    /** Publishes a PlaceOrder with a fresh message id, keyed by the order id. */
    static void publishPlaceOrder(String orderId, String json) {
        producer.publish(ORDER_REQUESTS, orderId, json, Map.of(
                "message-id", UUID.randomUUID().toString(),
                "message-type", "PlaceOrder",
                "schema-version", "1",
                "correlation-id", orderId));
    }

    /** The fields an OrderRequestRejected or a 400 problem names, in its order. */
    static List<String> violatedFields(JsonNode rejection) {
        return StreamSupport.stream(rejection.path("violations").spliterator(), false)
                .map(violation -> violation.path("field").asText())
                .toList();
    }

    static TopicWatcher watch(String topic) {
        return TopicWatcher.fromEnd(system.kafkaBootstrapServers(), topic);
    }

    // ---- reading the services' state

    /** Waits until {@code GET /orders/{id}} shows {@code status}, and returns the order. */
    static Views.Order awaitOrderStatus(String orderId, String status) {
        return await("order " + orderId + " to be " + status)
                .atMost(SAGA_TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> findOrder(orderId), order -> order != null && status.equals(order.status()));
    }

    static Http.Response getOrder(String orderId) {
        return Http.get(system.orderService().resolve("/orders/" + orderId));
    }

    static Views.Product product(String sku) {
        return read(Http.get(system.inventoryService().resolve("/products/" + sku)), Views.Product.class);
    }

    static Views.Account account(String customerId) {
        return read(Http.get(system.paymentService().resolve("/accounts/" + customerId)), Views.Account.class);
    }

    /** The order's payment, or null when payment-service has none. */
    static Views.Payment payment(String orderId) {
        Http.Response response = Http.get(system.paymentService().resolve("/payments/" + orderId));
        return response.status() == 404 ? null : read(response, Views.Payment.class);
    }

    /** The status of the order's reservation (RESERVED, CONFIRMED, RELEASED), or null when inventory-service has none. */
    static String reservationStatus(String orderId) {
        Http.Response response = Http.get(system.inventoryService().resolve("/reservations/" + orderId));
        return response.status() == 404 ? null : read(response, JsonNode.class).path("status").asText();
    }

    static Views.Saga saga(String orderId) {
        return read(Http.get(system.sagaOrchestrator().resolve("/sagas/" + orderId)), Views.Saga.class);
    }

    /** The idempotency key payment-service charges an order under, by which the provider reports the capture. */
    static String chargeKey(String orderId) {
        return "charge-" + orderId;
    }

    /** What the payment provider captured under the order's charge key: nothing, or one capture. */
    static List<Views.ProviderCharge> providerCharges(String orderId) {
        return read(Http.get(system.paymentProvider().resolve("/v1/charges?idempotencyKey=" + chargeKey(orderId))),
                Views.ProviderCharges.class).data();
    }

    /** Every capture the payment provider ever made, refunded or not. */
    static List<Views.ProviderCharge> providerCharges() {
        return read(Http.get(system.paymentProvider().resolve("/v1/charges")), Views.ProviderCharges.class).data();
    }

    /** The order, or null when order-service has none. */
    static Views.Order findOrder(String orderId) {
        Http.Response response = getOrder(orderId);
        return response.status() == 404 ? null : read(response, Views.Order.class);
    }

    private static <T> T read(Http.Response response, Class<T> type) {
        assertThat(response.status()).as("%s: %s", type.getSimpleName(), response.body()).isEqualTo(200);
        return Json.read(response.body(), type);
    }
}
