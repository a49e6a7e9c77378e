package dev.ordersaga.schema.intake;

import java.util.List;
import java.util.UUID;

/**
 * A producer's request to place an order. The producer chooses the order id; sending the same
 * order id again is a no-op. Fields are nullable so that an incomplete request is rejected with
 * its reasons (OrderRequestRejected) rather than dead-lettered.
 *
 * @param orderId    the producer's order id, also the Kafka key
 * @param customerId the paying customer's account id
 * @param currency   ISO-4217 code of every price in the order
 * @param lines      at least one line
 */
public record PlaceOrder(UUID orderId, String customerId, String currency, List<Line> lines)
        implements OrderRequest {

    /**
     * @param sku       the product
     * @param quantity  more than zero
     * @param unitPrice price of one unit in minor units of the order currency, zero or more
     */
    public record Line(String sku, Integer quantity, Long unitPrice) {
    }
}
