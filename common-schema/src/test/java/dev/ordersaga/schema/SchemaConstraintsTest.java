package dev.ordersaga.schema;

import static dev.ordersaga.schema.ContractSchemas.serialize;
import static dev.ordersaga.schema.ContractSchemas.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import dev.ordersaga.schema.intake.CancelOrder;
import dev.ordersaga.schema.order.OrderRequestRejected;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Proves the schemas reject what the contract forbids. Each case breaks one field of an otherwise
 * valid document and expects violations of the right keywords at that field and nowhere else (a JSON
 * Pointer, the validator's default for draft 2020-12).
 */
class SchemaConstraintsTest {

    @Test
    void placeOrderWithoutLinesIsInvalid() {
        ObjectNode order = placeOrder();
        order.remove("lines");

        Set<ValidationMessage> violations = validate(MessageType.PLACE_ORDER, order);

        assertOnlyViolation(violations, "required", "");
        assertThat(violations.iterator().next().getProperty()).isEqualTo("lines");
    }

    @Test
    void placeOrderWithNoLineIsInvalid() {
        ObjectNode order = placeOrder();
        order.putArray("lines");

        assertOnlyViolation(validate(MessageType.PLACE_ORDER, order), "minItems", "/lines");
    }

    @Test
    void placeOrderWithQuantityZeroIsInvalid() {
        ObjectNode order = placeOrder();
        firstLine(order).put("quantity", 0);

        assertOnlyViolation(validate(MessageType.PLACE_ORDER, order), "minimum", "/lines/0/quantity");
    }

    @Test
    void placeOrderWithNegativeUnitPriceIsInvalid() {
        ObjectNode order = placeOrder();
        firstLine(order).put("unitPrice", -1);

        assertOnlyViolation(validate(MessageType.PLACE_ORDER, order), "minimum", "/lines/0/unitPrice");
    }

    @Test
    void placeOrderWithAnEmptySkuIsInvalid() {
        ObjectNode order = placeOrder();
        firstLine(order).put("sku", "");

        assertViolationsAt(validate(MessageType.PLACE_ORDER, order), "/lines/0/sku", "minLength", "pattern");
    }

    @Test
    void placeOrderWithAnEmptyCustomerIdIsInvalid() {
        ObjectNode order = placeOrder();
        order.put("customerId", "");

        assertViolationsAt(validate(MessageType.PLACE_ORDER, order), "/customerId", "minLength", "pattern");
    }

    @Test
    void placeOrderWithACurrencyThatIsNotAnIsoCodeIsInvalid() {
        ObjectNode order = placeOrder();
        order.put("currency", "euro");

        assertViolationsAt(validate(MessageType.PLACE_ORDER, order), "/currency", "pattern", "enum");
    }

    @Test
    void placeOrderWithAnOrderIdThatIsNotAUuidIsInvalid() {
        ObjectNode order = placeOrder();
        order.put("orderId", "not-a-uuid");

        assertViolationsAt(validate(MessageType.PLACE_ORDER, order), "/orderId", "format", "minLength", "pattern");
    }

    @Test
    void placeOrderWithMoreThanOneHundredLinesIsInvalid() {
        ObjectNode order = placeOrder();
        ArrayNode lines = order.putArray("lines");
        for (int i = 0; i < 101; i++) {
            lines.add(serialize(SampleMessages.PLACE_ORDER).get("lines").get(0));
        }

        assertOnlyViolation(validate(MessageType.PLACE_ORDER, order), "maxItems", "/lines");
    }

    @Test
    void placeOrderWithAQuantityOverTenThousandIsInvalid() {
        ObjectNode order = placeOrder();
        firstLine(order).put("quantity", 10_001);

        assertOnlyViolation(validate(MessageType.PLACE_ORDER, order), "maximum", "/lines/0/quantity");
    }

    @Test
    void placeOrderWithAUnitPriceOverTheLargestLongIsInvalid() {
        ObjectNode order = placeOrder();
        firstLine(order).put("unitPrice", BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE));

        assertOnlyViolation(validate(MessageType.PLACE_ORDER, order), "maximum", "/lines/0/unitPrice");
    }

    @Test
    void placeOrderWithADecimalUnitPriceIsInvalid() {
        ObjectNode order = placeOrder();
        firstLine(order).put("unitPrice", 49.99);

        assertOnlyViolation(validate(MessageType.PLACE_ORDER, order), "type", "/lines/0/unitPrice");
    }

    @Test
    void placeOrderWithASkuOrCustomerIdOverSixtyFourCharactersIsInvalid() {
        ObjectNode order = placeOrder();
        order.put("customerId", "c".repeat(65));
        firstLine(order).put("sku", "s".repeat(65));

        assertThat(validate(MessageType.PLACE_ORDER, order))
                .extracting(violation -> violation.getInstanceLocation().toString(), ValidationMessage::getType)
                .containsExactlyInAnyOrder(tuple("/customerId", "maxLength"), tuple("/lines/0/sku", "maxLength"));
    }

    @Test
    void placeOrderWithAWhitespaceOnlySkuIsInvalid() {
        ObjectNode order = placeOrder();
        firstLine(order).put("sku", " \u3000 ");

        assertOnlyViolation(validate(MessageType.PLACE_ORDER, order), "pattern", "/lines/0/sku");
    }

    @Test
    void placeOrderWithAControlCharacterInItsCustomerIdIsInvalid() {
        ObjectNode order = placeOrder();
        order.put("customerId", "customer\u00001");

        assertOnlyViolation(validate(MessageType.PLACE_ORDER, order), "not", "/customerId");
    }

    @Test
    void cancelOrderWithAReasonOverFiveHundredCharactersIsInvalid() {
        ObjectNode cancel = (ObjectNode) serialize(new CancelOrder(SampleMessages.ORDER_ID, "r".repeat(501)));

        assertOnlyViolation(validate(MessageType.CANCEL_ORDER, cancel), "maxLength", "/reason");
    }

    @Test
    void cancelOrderWithANulCharacterInItsReasonIsInvalid() {
        ObjectNode cancel = (ObjectNode) serialize(new CancelOrder(SampleMessages.ORDER_ID, "changed\u0000mind"));

        assertOnlyViolation(validate(MessageType.CANCEL_ORDER, cancel), "not", "/reason");
    }

    @Test
    void moneyWithAFractionalAmountIsInvalid() {
        ObjectNode charge = (ObjectNode) serialize(SampleMessages.CHARGE_PAYMENT);
        ((ObjectNode) charge.get("amount")).put("amount", 12.5);

        assertOnlyViolation(validate(MessageType.CHARGE_PAYMENT, charge), "type", "/amount/amount");
    }

    @Test
    void moneyWithALowerCaseCurrencyIsInvalid() {
        ObjectNode charge = (ObjectNode) serialize(SampleMessages.CHARGE_PAYMENT);
        ((ObjectNode) charge.get("amount")).put("currency", "eur");

        assertOnlyViolation(validate(MessageType.CHARGE_PAYMENT, charge), "pattern", "/amount/currency");
    }

    @Test
    void cancelOrderWithoutAReasonIsValid() {
        assertThat(validate(MessageType.CANCEL_ORDER, serialize(new CancelOrder(SampleMessages.ORDER_ID, null))))
                .isEmpty();
    }

    @Test
    void requestRejectionForARequestWithoutOrderIdIsValid() {
        OrderRequestRejected rejection = new OrderRequestRejected(null, "PlaceOrder", List.of(
                new OrderRequestRejected.Violation("orderId", "is required")));

        assertThat(validate(MessageType.ORDER_REQUEST_REJECTED, serialize(rejection))).isEmpty();
    }

    private static ObjectNode placeOrder() {
        return (ObjectNode) serialize(SampleMessages.PLACE_ORDER);
    }

    private static ObjectNode firstLine(ObjectNode order) {
        return (ObjectNode) ((ArrayNode) order.get("lines")).get(0);
    }

    private static void assertViolationsAt(Set<ValidationMessage> violations, String pointer, String... keywords) {
        assertThat(violations).allSatisfy(violation -> assertThat(violation.getInstanceLocation()).hasToString(pointer))
                .extracting(ValidationMessage::getType)
                .containsExactlyInAnyOrder(keywords);
    }

    private static void assertOnlyViolation(Set<ValidationMessage> violations, String keyword, String pointer) {
        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.getType()).isEqualTo(keyword);
            assertThat(violation.getInstanceLocation()).hasToString(pointer);
        });
    }
}
