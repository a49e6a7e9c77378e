package dev.ordersaga.order.intake;

import dev.ordersaga.schema.intake.PlaceOrder;
import dev.ordersaga.schema.json.Echo;
import dev.ordersaga.schema.order.OrderRequestRejected.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * The business rules a PlaceOrder must meet; the published schema (PlaceOrder.v1.json) states the same ones,
 * except the two that span fields (a line's price and the order total must fit in a long). Pure: no Spring,
 * no I/O. Each violation has a JSON path into the request ({@code lines[0].quantity}), so a producer can fix
 * many at once, yet what it reports is bounded whatever the request: more than {@link #MAX_LINES} lines is
 * one violation and the lines are not checked one by one, at most {@link #MAX_VIOLATIONS} are listed, and a
 * value is echoed only as a short prefix ({@link Echo}). Lengths count Unicode code points, as JSON Schema
 * and PostgreSQL do.
 */
public final class PlaceOrderValidator {

    public static final int MAX_LINES = 100;
    public static final int MAX_QUANTITY = 10_000;
    public static final int MAX_SKU_LENGTH = 64;
    public static final int MAX_CUSTOMER_ID_LENGTH = 64;
    /** The last entry says how many more there were. */
    public static final int MAX_VIOLATIONS = 20;

    public List<Violation> validate(PlaceOrder request) {
        List<Violation> violations = new ArrayList<>();
        if (request.orderId() == null) {
            violations.add(new Violation("orderId", "is required"));
        }
        checkIdentifier(request.customerId(), "customerId", MAX_CUSTOMER_ID_LENGTH, violations);
        checkCurrency(request.currency(), violations);
        checkLines(request.lines(), violations);
        return capped(violations);
    }

    /** Not blank, not too long, and storable: PostgreSQL's text refuses U+0000. */
    private static void checkIdentifier(String value, String path, int maxLength, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(path, "must not be blank"));
        } else if (value.codePointCount(0, value.length()) > maxLength) {
            violations.add(new Violation(path, "must be at most " + maxLength + " characters"));
        } else if (value.chars().anyMatch(PlaceOrderValidator::isControl)) {
            violations.add(new Violation(path, "must not contain control characters (U+0000 to U+001F, U+007F)"));
        }
    }

    private static boolean isControl(int character) {
        return character < 0x20 || character == 0x7F;
    }

    private static void checkCurrency(String currency, List<Violation> violations) {
        if (currency == null) {
            violations.add(new Violation("currency", "is required"));
        } else if (!IsoCurrencyCodes.contains(currency)) {
            violations.add(new Violation("currency", Echo.quote(currency) + " is not an ISO-4217 currency code"));
        }
    }

    private static void checkLines(List<PlaceOrder.Line> lines, List<Violation> violations) {
        if (lines == null || lines.isEmpty()) {
            violations.add(new Violation("lines", "must contain at least one line"));
            return;
        }
        if (lines.size() > MAX_LINES) {
            violations.add(new Violation("lines", "must contain at most " + MAX_LINES + " lines, has " + lines.size()));
            return;
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
        checkIdentifier(line.sku(), path + ".sku", MAX_SKU_LENGTH, violations);
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

    private static List<Violation> capped(List<Violation> violations) {
        if (violations.size() <= MAX_VIOLATIONS) {
            return List.copyOf(violations);
        }
        List<Violation> listed = new ArrayList<>(violations.subList(0, MAX_VIOLATIONS - 1));
        int unlisted = violations.size() - listed.size();
        listed.add(new Violation("", unlisted + " more violations are not listed"));
        return List.copyOf(listed);
    }
}
