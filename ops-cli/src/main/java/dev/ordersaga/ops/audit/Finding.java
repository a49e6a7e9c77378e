package dev.ordersaga.ops.audit;

import java.util.UUID;

/**
 * One thing the audit found wrong (a violation) or not yet right (a warning), about an order (or the payment or
 * reservation of an order id that does not exist: then {@code status} is null) or about a product's stock.
 */
record Finding(Severity severity, UUID orderId, String status, String sku, String problem) {

    enum Severity {
        /** The databases disagree: money or stock is wrong. Exit code 5. */
        VIOLATION,
        /** Not wrong yet, but worth a look, e.g. an order that should have settled by now. */
        WARNING
    }

    static Finding violation(UUID orderId, String status, String problem) {
        return new Finding(Severity.VIOLATION, orderId, status, null, problem);
    }

    static Finding warning(UUID orderId, String status, String problem) {
        return new Finding(Severity.WARNING, orderId, status, null, problem);
    }

    static Finding stock(String sku, String problem) {
        return new Finding(Severity.VIOLATION, null, null, sku, problem);
    }

    boolean isViolation() {
        return severity == Severity.VIOLATION;
    }

    boolean isAboutStock() {
        return sku != null;
    }
}
