package dev.ordersaga.order.orders;

/**
 * A line of an order being placed.
 *
 * @param unitPrice price of one unit in minor units of the order's currency
 */
public record NewLine(String sku, int quantity, long unitPrice) {
}
