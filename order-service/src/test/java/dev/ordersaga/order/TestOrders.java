package dev.ordersaga.order;

import dev.ordersaga.schema.intake.PlaceOrder;
import java.util.List;
import java.util.UUID;

/** Requests for the tests; each test uses its own order id and customer so tests never see each other's data. */
public final class TestOrders {

    private TestOrders() {
    }

    /** Two lines: 2 x 4999 + 1 x 1250 = 11248 EUR cents. */
    public static PlaceOrder placeOrder(UUID orderId) {
        return placeOrder(orderId, "customer-" + UUID.randomUUID());
    }

    public static PlaceOrder placeOrder(UUID orderId, String customerId) {
        return new PlaceOrder(orderId, customerId, "EUR", List.of(
                new PlaceOrder.Line("BOOK-DDD-001", 2, 4999L),
                new PlaceOrder.Line("MUG-LOGO-042", 1, 1250L)));
    }

    public static final long TOTAL = 11_248;
}
