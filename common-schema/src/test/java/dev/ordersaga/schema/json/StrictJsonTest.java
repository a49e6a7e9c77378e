package dev.ordersaga.schema.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ordersaga.schema.Money;
import dev.ordersaga.schema.StockLine;
import dev.ordersaga.schema.intake.CancelOrder;
import dev.ordersaga.schema.intake.PlaceOrder;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every coercion Jackson would make by default, refused; primitives and wrappers alike. */
class StrictJsonTest {

    private static final String ORDER_ID = "5b0c6a8e-3f1d-4c7a-9e2b-8d4f1a6c0e31";

    private final ObjectMapper mapper = StrictJson.applyTo(JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build());

    @Test
    void readsIntegerLiteralsIntoEveryIntegerType() throws Exception {
        assertThat(mapper.readValue(line("2", "4999"), PlaceOrder.Line.class))
                .isEqualTo(new PlaceOrder.Line("SKU", 2, 4999L));
        assertThat(mapper.readValue("{\"sku\":\"SKU\",\"quantity\":-0}", StockLine.class))
                .isEqualTo(new StockLine("SKU", 0));
        assertThat(mapper.readValue("{\"amount\":9223372036854775807,\"currency\":\"EUR\"}", Money.class))
                .isEqualTo(Money.of(Long.MAX_VALUE, "EUR"));
    }

    /** What Jackson reads by default as 49, 2, 1000, 2 and 1. */
    @ParameterizedTest
    @ValueSource(strings = {"49.99", "2.0", "1e3", "1E3", "-1.0E0", "\"2\"", "true", "false", "\"\""})
    void refusesAnythingButAnIntegerLiteralForAWrapperField(String quantity) {
        assertThatThrownBy(() -> mapper.readValue(line(quantity, "1"), PlaceOrder.Line.class))
                .isInstanceOf(JsonMappingException.class);
        assertThatThrownBy(() -> mapper.readValue(line("1", quantity), PlaceOrder.Line.class))
                .isInstanceOf(JsonMappingException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"49.99", "2.0", "1e3", "\"2\"", "true", "\"\""})
    void refusesAnythingButAnIntegerLiteralForAPrimitiveField(String value) {
        assertThatThrownBy(() -> mapper.readValue("{\"sku\":\"SKU\",\"quantity\":" + value + "}", StockLine.class))
                .isInstanceOf(JsonMappingException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"amount\":" + value + ",\"currency\":\"EUR\"}", Money.class))
                .isInstanceOf(JsonMappingException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "1.5", "true"})
    void refusesANumberOrABooleanForAStringField(String sku) {
        assertThatThrownBy(() -> mapper.readValue("{\"sku\":" + sku + ",\"quantity\":1}", StockLine.class))
                .isInstanceOf(JsonMappingException.class);
    }

    /** Jackson's own reader also takes 24 characters of Base64, and a number as its text. */
    @ParameterizedTest
    @ValueSource(strings = {"\"AAAAAAAAAAAAAAAAAAAAAA==\"", "\"\"", "12", "\"5b0c6a8e3f1d4c7a9e2b8d4f1a6c0e31\"",
            "\"" + ORDER_ID + " \"", "\"5b0c6a8e-3f1d-4c7a-9e2b-8d4f1a6c0e3g\""})
    void readsAUuidOnlyInItsCanonicalForm(String orderId) {
        assertThatThrownBy(() -> mapper.readValue("{\"orderId\":" + orderId + "}", CancelOrder.class))
                .isInstanceOf(JsonMappingException.class);
    }

    @Test
    void readsACanonicalUuidInEitherCase() throws Exception {
        assertThat(mapper.readValue("{\"orderId\":\"" + ORDER_ID.toUpperCase() + "\"}", CancelOrder.class))
                .isEqualTo(new CancelOrder(UUID.fromString(ORDER_ID), null));
    }

    @Test
    void refusesADuplicateFieldName() {
        assertThatThrownBy(() -> mapper.readTree("{\"orderId\":\"" + ORDER_ID + "\",\"orderId\":\"" + ORDER_ID + "\"}"))
                .isInstanceOf(JsonParseException.class)
                .hasMessageContaining("Duplicate field 'orderId'");
    }

    @Test
    void refusesAnythingAfterTheDocument() {
        assertThatThrownBy(() -> mapper.readValue("{\"orderId\":\"" + ORDER_ID + "\"} {}", CancelOrder.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("Trailing token");
    }

    @Test
    void refusesNestingDeeperThanTheLimit() throws Exception {
        int depth = StrictJson.MAX_NESTING_DEPTH;
        assertThat(mapper.readTree("[".repeat(depth) + "]".repeat(depth)).isArray()).isTrue();

        assertThatThrownBy(() -> mapper.readTree("[".repeat(depth + 1) + "]".repeat(depth + 1)))
                .isInstanceOf(StreamConstraintsException.class);
    }

    @Test
    void refusesANumberLongerThanTheLimit() throws Exception {
        int digits = StrictJson.MAX_NUMBER_LENGTH;
        assertThat(mapper.readTree("[" + "9".repeat(digits) + "]").get(0).isBigInteger()).isTrue();

        assertThatThrownBy(() -> mapper.readTree("[" + "9".repeat(digits + 1) + "]"))
                .isInstanceOf(StreamConstraintsException.class);
    }

    @Test
    void documentLimitIsCheckedBeforeParsing() throws Exception {
        StrictJson.requireWithinDocumentLimit(StrictJson.MAX_DOCUMENT_BYTES);

        assertThatThrownBy(() -> StrictJson.requireWithinDocumentLimit(StrictJson.MAX_DOCUMENT_BYTES + 1L))
                .isInstanceOf(StreamConstraintsException.class)
                .hasMessage("Document of 1048577 bytes exceeds the maximum of 1048576 bytes");
    }

    @Test
    void aStringMayBeAsLongAsTheDocumentAllows() throws Exception {
        String reason = "r".repeat(StrictJson.MAX_DOCUMENT_BYTES - 100);

        assertThat(mapper.readValue("{\"orderId\":\"" + ORDER_ID + "\",\"reason\":\"" + reason + "\"}", CancelOrder.class)
                .reason()).hasSize(reason.length());
    }

    private static String line(String quantity, String unitPrice) {
        return "{\"sku\":\"SKU\",\"quantity\":" + quantity + ",\"unitPrice\":" + unitPrice + "}";
    }
}
