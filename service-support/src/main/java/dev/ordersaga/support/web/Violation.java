package dev.ordersaga.support.web;

/** One reason a request was rejected; {@code field} is a path into the request, e.g. {@code [2].sku}. */
public record Violation(String field, String message) {
}
