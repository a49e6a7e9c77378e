package dev.ordersaga.schema;

import static dev.ordersaga.schema.ContractSchemas.serialize;
import static dev.ordersaga.schema.ContractSchemas.validate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import dev.ordersaga.schema.intake.CancelOrder;
import dev.ordersaga.schema.order.OrderRequestRejected;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Proves the schemas reject what the contract forbids. Each case breaks one field of an otherwise
 * valid document and expects exactly one violation, of the right keyword, at that field (a JSON
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

        assertOnlyViolation(validate(MessageType.PLACE_ORDER, order), "minLength", "/lines/0/sku");
    }

    @Test
    void placeOrderWithAnEmptyCustomerIdIsInvalid() {
        ObjectNode order = placeOrder();
        order.put("customerId", "");

        assertOnlyViolation(validate(MessageType.PLACE_ORDER, order), "minLength", "/customerId");
    }

    @Test
    void placeOrderWithACurrencyThatIsNotAnIsoCodeIsInvalid() {
        ObjectNode order = placeOrder();
        order.put("currency", "euro");

        assertOnlyViolation(validate(MessageType.PLACE_ORDER, order), "pattern", "/currency");
    }

    @Test
    void placeOrderWithAnOrderIdThatIsNotAUuidIsInvalid() {
        ObjectNode order = placeOrder();
        order.put("orderId", "not-a-uuid");

        assertOnlyViolation(validate(MessageType.PLACE_ORDER, order), "format", "/orderId");
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

    private static void assertOnlyViolation(Set<ValidationMessage> violations, String keyword, String pointer) {
        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.getType()).isEqualTo(keyword);
            assertThat(violation.getInstanceLocation()).hasToString(pointer);
        });
    }
}
