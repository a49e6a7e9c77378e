package dev.ordersaga.order.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ordersaga.schema.intake.PlaceOrder;
import dev.ordersaga.schema.intake.PlaceOrder.Line;
import dev.ordersaga.schema.order.OrderRequestRejected.Violation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlaceOrderValidatorTest {

    private final PlaceOrderValidator validator = new PlaceOrderValidator();

    @Test
    void acceptsAValidRequest() {
        assertThat(validator.validate(request("EUR", List.of(line("BOOK-1", 2, 4999L), line("MUG-1", 1, 0L)))))
                .isEmpty();
    }

    @Test
    void requiresAnOrderId() {
        PlaceOrder request = new PlaceOrder(null, "customer-1", "EUR", List.of(line("BOOK-1", 1, 100L)));

        assertThat(validator.validate(request)).containsExactly(new Violation("orderId", "is required"));
    }

    @Test
    void requiresANonBlankCustomerIdOfAtMost64Characters() {
        assertThat(fieldsOf(new PlaceOrder(UUID.randomUUID(), null, "EUR", oneLine()))).containsExactly("customerId");
        assertThat(fieldsOf(new PlaceOrder(UUID.randomUUID(), "  ", "EUR", oneLine()))).containsExactly("customerId");
        assertThat(fieldsOf(new PlaceOrder(UUID.randomUUID(), "c".repeat(65), "EUR", oneLine())))
                .containsExactly("customerId");
        assertThat(fieldsOf(new PlaceOrder(UUID.randomUUID(), "c".repeat(64), "EUR", oneLine()))).isEmpty();
    }

    @Test
    void requiresAnIso4217Currency() {
        assertThat(fieldsOf(request(null, oneLine()))).containsExactly("currency");
        assertThat(fieldsOf(request("EURO", oneLine()))).containsExactly("currency");
        assertThat(fieldsOf(request("eur", oneLine()))).containsExactly("currency");
        assertThat(fieldsOf(request("ABC", oneLine()))).containsExactly("currency");
        assertThat(fieldsOf(request("JPY", oneLine()))).isEmpty();
    }

    @Test
    void requiresBetweenOneAndOneHundredLines() {
        assertThat(validator.validate(request("EUR", null)))
                .containsExactly(new Violation("lines", "must contain at least one line"));
        assertThat(fieldsOf(request("EUR", List.of()))).containsExactly("lines");
        assertThat(fieldsOf(request("EUR", Collections.nCopies(101, line("SKU", 1, 1L))))).containsExactly("lines");
        assertThat(fieldsOf(request("EUR", Collections.nCopies(100, line("SKU", 1, 1L))))).isEmpty();
    }

    /** A 780 KB request once made a 4.5 MB rejection: one violation per bad field of 20,000 lines. */
    @Test
    void moreThanOneHundredLinesIsOneViolationAndTheLinesAreNotCheckedOneByOne() {
        List<Line> invalidLines = Collections.nCopies(20_000, line("", 0, -1L));

        assertThat(validator.validate(new PlaceOrder(UUID.randomUUID(), "", "EURO", invalidLines))).containsExactly(
                new Violation("customerId", "must not be blank"),
                new Violation("currency", "'EURO' is not an ISO-4217 currency code"),
                new Violation("lines", "must contain at most 100 lines, has 20000"));
    }

    @Test
    void listsAtMostTwentyViolationsTheLastSayingHowManyMore() {
        List<Line> invalidLines = Collections.nCopies(100, line("", 0, -1L));

        List<Violation> violations = validator.validate(request("EUR", invalidLines));

        assertThat(violations).hasSize(PlaceOrderValidator.MAX_VIOLATIONS);
        assertThat(violations.subList(0, 3)).extracting(Violation::field)
                .containsExactly("lines[0].sku", "lines[0].quantity", "lines[0].unitPrice");
        assertThat(violations.get(19)).isEqualTo(new Violation("", "281 more violations are not listed"));
    }

    @Test
    void listsTwentyViolationsWhole() {
        List<Line> lines = new ArrayList<>(Collections.nCopies(6, line("", 0, -1L)));
        lines.add(line("", 0, 1L));

        assertThat(validator.validate(request("EUR", lines))).hasSize(20)
                .last().isEqualTo(new Violation("lines[6].quantity", "must be between 1 and 10000, was 0"));
    }

    @Test
    void echoesOnlyAShortPrefixOfAnInvalidCurrency() {
        assertThat(validator.validate(request("X".repeat(100_000), oneLine()))).containsExactly(
                new Violation("currency", "'XXXXXXXXXXXXXXXX\u2026' is not an ISO-4217 currency code"));
    }

    /** As the schema's maxLength and PostgreSQL's varchar(64) count: 64 emoji are 128 UTF-16 units, and fit. */
    @Test
    void countsLengthsInCodePoints() {
        String emoji = "\uD83D\uDE00";

        assertThat(fieldsOf(new PlaceOrder(UUID.randomUUID(), emoji.repeat(64), "EUR", List.of(line(emoji.repeat(64), 1, 1L)))))
                .isEmpty();
        assertThat(fieldsOf(new PlaceOrder(UUID.randomUUID(), emoji.repeat(65), "EUR", List.of(line(emoji.repeat(65), 1, 1L)))))
                .containsExactly("customerId", "lines[0].sku");
    }

    /** PostgreSQL's text refuses U+0000; the others have no place in an identifier. */
    @Test
    void refusesControlCharactersInIdentifiers() {
        assertThat(validator.validate(new PlaceOrder(UUID.randomUUID(), "customer\u00001", "EUR",
                List.of(line("SKU\u007F", 1, 1L), line("S\tKU", 1, 1L))))).containsExactly(
                new Violation("customerId", "must not contain control characters (U+0000 to U+001F, U+007F)"),
                new Violation("lines[0].sku", "must not contain control characters (U+0000 to U+001F, U+007F)"),
                new Violation("lines[1].sku", "must not contain control characters (U+0000 to U+001F, U+007F)"));
    }

    @Test
    void aValueOfOnlyUnicodeWhitespaceIsBlank() {
        assertThat(fieldsOf(new PlaceOrder(UUID.randomUUID(), "\u3000\u2003", "EUR", List.of(line("\u2028", 1, 1L)))))
                .containsExactly("customerId", "lines[0].sku");
    }

    @Test
    void rejectsANullLine() {
        List<Line> lines = new ArrayList<>();
        lines.add(line("SKU", 1, 1L));
        lines.add(null);

        assertThat(fieldsOf(request("EUR", lines))).containsExactly("lines[1]");
    }

    @Test
    void requiresANonBlankSkuOfAtMost64Characters() {
        assertThat(fieldsOf(request("EUR", List.of(line(null, 1, 1L))))).containsExactly("lines[0].sku");
        assertThat(fieldsOf(request("EUR", List.of(line(" ", 1, 1L))))).containsExactly("lines[0].sku");
        assertThat(fieldsOf(request("EUR", List.of(line("S".repeat(65), 1, 1L))))).containsExactly("lines[0].sku");
        assertThat(fieldsOf(request("EUR", List.of(line("S".repeat(64), 1, 1L))))).isEmpty();
    }

    @Test
    void requiresAQuantityFromOneToTenThousand() {
        assertThat(fieldsOf(request("EUR", List.of(line("SKU", null, 1L))))).containsExactly("lines[0].quantity");
        assertThat(fieldsOf(request("EUR", List.of(line("SKU", 0, 1L))))).containsExactly("lines[0].quantity");
        assertThat(fieldsOf(request("EUR", List.of(line("SKU", -3, 1L))))).containsExactly("lines[0].quantity");
        assertThat(fieldsOf(request("EUR", List.of(line("SKU", 10_001, 1L))))).containsExactly("lines[0].quantity");
        assertThat(fieldsOf(request("EUR", List.of(line("SKU", 1, 1L), line("SKU", 10_000, 1L))))).isEmpty();
    }

    @Test
    void requiresAUnitPriceOfZeroOrMore() {
        assertThat(fieldsOf(request("EUR", List.of(line("SKU", 1, null))))).containsExactly("lines[0].unitPrice");
        assertThat(fieldsOf(request("EUR", List.of(line("SKU", 1, -1L))))).containsExactly("lines[0].unitPrice");
        assertThat(fieldsOf(request("EUR", List.of(line("SKU", 1, 0L))))).isEmpty();
    }

    @Test
    void reportsEveryViolationAtOnce() {
        PlaceOrder request = new PlaceOrder(null, "", "EURO", List.of(
                line("BOOK-1", 2, 100L),
                line("", 0, -5L)));

        assertThat(validator.validate(request))
                .extracting(Violation::field)
                .containsExactly("orderId", "customerId", "currency",
                        "lines[1].sku", "lines[1].quantity", "lines[1].unitPrice");
    }

    @Test
    void rejectsALinePriceThatDoesNotFitInALong() {
        List<Violation> violations = validator.validate(request("EUR", List.of(line("GOLD", 2, Long.MAX_VALUE / 2 + 1))));

        assertThat(violations).extracting(Violation::field, Violation::message)
                .containsExactly(tuple("lines[0]",
                        "price does not fit: quantity x unitPrice exceeds " + Long.MAX_VALUE));
    }

    @Test
    void rejectsAnOrderTotalThatDoesNotFitInALong() {
        List<Violation> violations = validator.validate(request("EUR", List.of(
                line("GOLD", 1, Long.MAX_VALUE), line("PIN", 1, 1L))));

        assertThat(violations).extracting(Violation::field, Violation::message)
                .containsExactly(tuple("lines", "price does not fit: the order total exceeds " + Long.MAX_VALUE));
    }

    @Test
    void acceptsATotalOfExactlyLongMaxValue() {
        assertThat(validator.validate(request("EUR", List.of(line("GOLD", 1, Long.MAX_VALUE - 1), line("PIN", 1, 1L)))))
                .isEmpty();
    }

    private List<String> fieldsOf(PlaceOrder request) {
        return validator.validate(request).stream().map(Violation::field).toList();
    }

    private static PlaceOrder request(String currency, List<Line> lines) {
        return new PlaceOrder(UUID.randomUUID(), "customer-1", currency, lines);
    }

    private static List<Line> oneLine() {
        return List.of(line("BOOK-1", 1, 100L));
    }

    private static Line line(String sku, Integer quantity, Long unitPrice) {
        return new Line(sku, quantity, unitPrice);
    }
}
