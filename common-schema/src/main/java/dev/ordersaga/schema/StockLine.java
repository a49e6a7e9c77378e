package dev.ordersaga.schema;

/** A quantity of one SKU. */
public record StockLine(String sku, int quantity) {
}
