package dev.ordersaga.schema.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ordersaga.schema.intake.CancelOrder;
import dev.ordersaga.schema.intake.PlaceOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a producer is told: the JSON path and what the value must be, never a Java class nor the value itself. */
class BindingViolationTest {

    // Like every reader of the contracts: a field added by a newer producer is skipped, yet still parsed.
    private final ObjectMapper mapper = StrictJson.applyTo(JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build());

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"lines":[{"unitPrice":49.99}]}                       | lines[0].unitPrice | must be an integer, written without a fraction, an exponent or quotes
            {"lines":[{"sku":"A"},{"quantity":"2"}]}              | lines[1].quantity  | must be an integer, written without a fraction, an exponent or quotes
            {"lines":[{"quantity":true}]}                         | lines[0].quantity  | must be an integer, written without a fraction, an exponent or quotes
            {"lines":[{"quantity":1e3}]}                          | lines[0].quantity  | must be an integer, written without a fraction, an exponent or quotes
            {"lines":[{"quantity":3000000000}]}                   | lines[0].quantity  | must be an integer from -2147483648 to 2147483647
            {"lines":[{"unitPrice":9223372036854775808}]}         | lines[0].unitPrice | must be an integer from -9223372036854775808 to 9223372036854775807
            {"orderId":"order-42"}                                | orderId            | must be a UUID string of 8-4-4-4-12 hexadecimal digits
            {"customerId":42}                                     | customerId         | must be a string
            {"lines":{"sku":"A"}}                                 | lines              | must be an array
            {"lines":["A"]}                                       | lines[0]           | must be an object
            """)
    void namesTheJsonPathAndWhatTheValueMustBe(String document, String field, String message) {
        assertThat(violationOf(document, PlaceOrder.class)).isEqualTo(new BindingViolation(field, message));
    }

    @Test
    void aDocumentThatIsNotAnObjectIsNamedAsAWhole() {
        assertThat(violationOf("[1]", CancelOrder.class)).isEqualTo(new BindingViolation("", "must be an object"));
    }

    @Test
    void neverRepeatsTheValue() {
        String secret = "x".repeat(1000);

        BindingViolation violation = violationOf("{\"orderId\":\"" + secret + "\"}", CancelOrder.class);

        assertThat(violation.message()).doesNotContain("xxx");
    }

    @Test
    void malformedJsonAndDuplicateFieldsMakeTheDocumentUnreadable() {
        assertThat(violationOf("{\"orderId\":", CancelOrder.class))
                .isEqualTo(new BindingViolation("", BindingViolation.NOT_WELL_FORMED));
        assertThat(violationOf("{\"reason\":\"a\",\"reason\":\"b\"}", CancelOrder.class))
                .isEqualTo(new BindingViolation("", BindingViolation.NOT_WELL_FORMED));
    }

    @Test
    void aDocumentOverTheLimitsIsNamedAsAWhole() {
        int depth = StrictJson.MAX_NESTING_DEPTH;
        String deep = "{\"addedLater\":" + "[".repeat(depth) + "]".repeat(depth) + "}";

        assertThat(violationOf(deep, CancelOrder.class)).isEqualTo(new BindingViolation("",
                "exceeds the JSON limits: at most 1048576 bytes, nesting depth 64, numbers of at most 100 digits"));
    }

    private BindingViolation violationOf(String document, Class<?> type) {
        JsonProcessingException failure =
                catchThrowableOfType(JsonProcessingException.class, () -> mapper.readValue(document, type));
        assertThat(failure).as("reading %s", document).isNotNull();
        return BindingViolation.of(failure);
    }
}
