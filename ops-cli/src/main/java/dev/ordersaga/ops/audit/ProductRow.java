package dev.ordersaga.ops.audit;

/**
 * A product's stock counters and, read in the same statement, what the reservations say they should be.
 *
 * @param heldReserved the quantity on the lines of RESERVED reservations of this SKU
 * @param heldSold     the quantity on the lines of CONFIRMED reservations of this SKU
 */
record ProductRow(String sku, long available, long reserved, long sold, long heldReserved, long heldSold) {
}
