package dev.ordersaga.inventory.api;

/** One reason a request was rejected; {@code field} is a path into the request, e.g. {@code [2].sku}. */
public record Violation(String field, String message) {
}
