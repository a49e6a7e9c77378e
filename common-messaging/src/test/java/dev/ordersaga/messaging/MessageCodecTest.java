package dev.ordersaga.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.schema.Message;
import dev.ordersaga.schema.Money;
import dev.ordersaga.schema.StockLine;
import dev.ordersaga.schema.inventory.ReserveInventory;
import dev.ordersaga.schema.payment.ChargePayment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The one-pass read must accept exactly what the two-step read (tree, then bind) accepts, and read it alike. */
class MessageCodecTest {

    private static final String ORDER_ID = "6f1c1a8e-4a56-4e0e-9d0a-3a4f6c8e2b11";
    private static final String RESERVE = "{\"orderId\":\"" + ORDER_ID + "\",\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":2}]}";
    private static final String CHARGE = "{\"orderId\":\"" + ORDER_ID + "\",\"customerId\":\"c-1\","
            + "\"amount\":{\"amount\":4999,\"currency\":\"EUR\"}}";

    private final MessageCodec codec = new MessageCodec();

    @Test
    void readsAValidMessageInOnePass() throws IOException {
        assertThat(codec.readObject(bytes(RESERVE), ReserveInventory.class))
                .isEqualTo(new ReserveInventory(UUID.fromString(ORDER_ID), List.of(new StockLine("SKU-1", 2))));
        assertThat(codec.readObject(bytes(CHARGE), ChargePayment.class))
                .isEqualTo(new ChargePayment(UUID.fromString(ORDER_ID), "c-1", Money.of(4999, "EUR")));
    }

    static Stream<Arguments> documents() {
        return Stream.of(
                reserve(RESERVE),
                reserve(RESERVE.replace("{\"orderId\"", "{\"warehouse\":{\"zone\":[1,2,{\"x\":null}]},\"orderId\"")),
                reserve(RESERVE.replace("\"quantity\":2", "\"quantity\":2.0")),
                reserve(RESERVE.replace("\"quantity\":2", "\"quantity\":49.99")),
                reserve(RESERVE.replace("\"quantity\":2", "\"quantity\":2e0")),
                reserve(RESERVE.replace("\"quantity\":2", "\"quantity\":\"2\"")),
                reserve(RESERVE.replace("\"quantity\":2", "\"quantity\":true")),
                reserve(RESERVE.replace("\"quantity\":2", "\"quantity\":null")),
                reserve(RESERVE.replace(",\"quantity\":2", "")),
                reserve(RESERVE.replace("\"quantity\":2", "\"quantity\":2147483648")),
                reserve(RESERVE.replace("\"quantity\":2", "\"quantity\":-0")),
                reserve(RESERVE.replace("\"sku\":\"SKU-1\"", "\"sku\":1")),
                reserve(RESERVE.replace("\"sku\":\"SKU-1\"", "\"sku\":\"\"")),
                reserve(RESERVE.replace("\"lines\":[", "\"lines\":[],\"lines\":[")),
                reserve(RESERVE.replace("{\"orderId\"", "{\"extra\":1,\"extra\":2,\"orderId\"")),
                reserve(RESERVE.replace(ORDER_ID, ORDER_ID.toUpperCase())),
                reserve(RESERVE.replace(ORDER_ID, "6f1c1a8e4a564e0e9d0a3a4f6c8e2b11")),
                reserve(RESERVE.replace(ORDER_ID, "1-1-1-1-1")),
                reserve(RESERVE.replace("\"" + ORDER_ID + "\"", "\"\"")),
                reserve(RESERVE.replace("\"" + ORDER_ID + "\"", "null")),
                reserve(RESERVE.replace("\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":2}]", "\"lines\":{\"sku\":\"SKU-1\",\"quantity\":2}")),
                reserve(RESERVE + " {}"),
                reserve(RESERVE + " x"),
                reserve(RESERVE + "   \n"),
                reserve(RESERVE.substring(0, RESERVE.length() - 1)),
                reserve("{}"),
                reserve("null"),
                reserve("[]"),
                reserve("[" + RESERVE + "]"),
                reserve("\"" + ORDER_ID + "\""),
                reserve("2"),
                reserve(" "),
                reserve("{\"orderId\":\"" + ORDER_ID + "\",\"lines\":[" + "[".repeat(70) + "]".repeat(70) + "]}"),
                reserve(RESERVE.replace("\"quantity\":2", "\"quantity\":1" + "0".repeat(120))),
                charge(CHARGE),
                charge(CHARGE.replace("4999", "49.99")),
                charge(CHARGE.replace("4999", "\"4999\"")),
                charge(CHARGE.replace("4999", "9223372036854775808")),
                charge(CHARGE.replace("\"c-1\"", "42")),
                charge(CHARGE.replace("\"c-1\"", "false")),
                charge(CHARGE.replace("\"EUR\"", "[\"EUR\"]")),
                charge(CHARGE.replace(",\"amount\":4999", "")),
                charge(CHARGE.replace("{\"amount\":4999,\"currency\":\"EUR\"}", "\"4999 EUR\"")),
                charge(CHARGE.replace("{\"amount\":4999,\"currency\":\"EUR\"}", "4999")));
    }

    @ParameterizedTest
    @MethodSource("documents")
    void acceptsExactlyWhatTheTwoStepReadAccepts(String json, Class<? extends Message> type) {
        Object twoSteps = read(() -> codec.bind(codec.parse(bytes(json)), type));
        Object onePass = read(() -> codec.readObject(bytes(json), type));

        if (twoSteps instanceof Throwable || twoSteps == null) {
            assertThat(onePass).as("one pass of %s", json).isInstanceOf(IOException.class);
        } else {
            assertThat(onePass).as("one pass of %s", json).isEqualTo(twoSteps);
        }
    }

    /** The message read, or why not. */
    private static Object read(ThrowingRead read) {
        try {
            return read.read();
        } catch (IOException | RuntimeException e) {
            return e;
        }
    }

    private interface ThrowingRead {
        Object read() throws IOException;
    }

    private static Arguments reserve(String json) {
        return Arguments.of(json, ReserveInventory.class);
    }

    private static Arguments charge(String json) {
        return Arguments.of(json, ChargePayment.class);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
