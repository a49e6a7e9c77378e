package dev.ordersaga.order.intake;

import dev.ordersaga.schema.intake.PlaceOrder;
import dev.ordersaga.schema.order.OrderRequestRejected.Violation;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The business rules a PlaceOrder must meet. Pure: no Spring, no I/O. Reports every violation, each
 * with a JSON path into the request ({@code lines[0].quantity}), so a producer fixes everything at once.
 */
public final class PlaceOrderValidator {

    public static final int MAX_LINES = 100;
    public static final int MAX_QUANTITY = 10_000;
    public static final int MAX_SKU_LENGTH = 64;
    public static final int MAX_CUSTOMER_ID_LENGTH = 64;

    public List<Violation> validate(PlaceOrder request) {
        List<Violation> violations = new ArrayList<>();
        if (request.orderId() == null) {
            violations.add(new Violation("orderId", "is required"));
        }
        checkCustomerId(request.customerId(), violations);
        checkCurrency(request.currency(), violations);
        checkLines(request.lines(), violations);
        return List.copyOf(violations);
    }

    private static void checkCustomerId(String customerId, List<Violation> violations) {
        if (customerId == null || customerId.isBlank()) {
            violations.add(new Violation("customerId", "must not be blank"));
        } else if (customerId.length() > MAX_CUSTOMER_ID_LENGTH) {
            violations.add(new Violation("customerId", "must be at most " + MAX_CUSTOMER_ID_LENGTH + " characters"));
        }
    }

    private static void checkCurrency(String currency, List<Violation> violations) {
        if (currency == null) {
            violations.add(new Violation("currency", "is required"));
            return;
        }
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("currency", "'" + currency + "' is not an ISO-4217 currency code"));
        }
    }

    private static void checkLines(List<PlaceOrder.Line> lines, List<Violation> violations) {
        if (lines == null || lines.isEmpty()) {
            violations.add(new Violation("lines", "must contain at least one line"));
            return;
        }
        if (lines.size() > MAX_LINES) {
            violations.add(new Violation("lines", "must contain at most " + MAX_LINES + " lines, has " + lines.size()));
        }
        boolean allPriced = true;
        for (int i = 0; i < lines.size(); i++) {
            allPriced &= checkLine(lines.get(i), "lines[" + i + "]", violations);
        }
        if (allPriced) {
            checkTotal(lines, violations);
        }
    }

    /** @return whether the line has a price that fits, so that the order total can be checked */
    private static boolean checkLine(PlaceOrder.Line line, String path, List<Violation> violations) {
        if (line == null) {
            violations.add(new Violation(path, "must not be null"));
            return false;
        }
        checkSku(line.sku(), path + ".sku", violations);
        boolean quantityValid = checkQuantity(line.quantity(), path + ".quantity", violations);
        boolean unitPriceValid = checkUnitPrice(line.unitPrice(), path + ".unitPrice", violations);
        if (!quantityValid || !unitPriceValid) {
            return false;
        }
        try {
            Math.multiplyExact(line.quantity().longValue(), line.unitPrice().longValue());
            return true;
        } catch (ArithmeticException e) {
            violations.add(new Violation(path, "price does not fit: quantity x unitPrice exceeds " + Long.MAX_VALUE));
            return false;
        }
    }

    private static void checkSku(String sku, String path, List<Violation> violations) {
        if (sku == null || sku.isBlank()) {
            violations.add(new Violation(path, "must not be blank"));
        } else if (sku.length() > MAX_SKU_LENGTH) {
            violations.add(new Violation(path, "must be at most " + MAX_SKU_LENGTH + " characters"));
        }
    }

    private static boolean checkQuantity(Integer quantity, String path, List<Violation> violations) {
        if (quantity == null) {
            violations.add(new Violation(path, "is required"));
            return false;
        }
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            violations.add(new Violation(path, "must be between 1 and " + MAX_QUANTITY + ", was " + quantity));
            return false;
        }
        return true;
    }

    private static boolean checkUnitPrice(Long unitPrice, String path, List<Violation> violations) {
        if (unitPrice == null) {
            violations.add(new Violation(path, "is required"));
            return false;
        }
        if (unitPrice < 0) {
            violations.add(new Violation(path, "must be zero or more, was " + unitPrice));
            return false;
        }
        return true;
    }

    private static void checkTotal(List<PlaceOrder.Line> lines, List<Violation> violations) {
        try {
            long total = 0;
            for (PlaceOrder.Line line : lines) {
                total = Math.addExact(total, Math.multiplyExact(line.quantity().longValue(), line.unitPrice()));
            }
        } catch (ArithmeticException e) {
            violations.add(new Violation("lines", "price does not fit: the order total exceeds " + Long.MAX_VALUE));
        }
    }
}
