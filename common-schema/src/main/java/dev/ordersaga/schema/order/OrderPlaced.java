package dev.ordersaga.schema.order;

import dev.ordersaga.schema.Money;
import java.util.List;
import java.util.UUID;

/** An order was accepted as PENDING; the saga starts from here. */
public record OrderPlaced(UUID orderId, String customerId, List<Line> lines, Money total) implements OrderEvent {

    public record Line(String sku, int quantity, Money unitPrice) {
    }
}
