package dev.ordersaga.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ordersaga.messaging.MessageCodec;
import dev.ordersaga.schema.Headers;
import dev.ordersaga.schema.MessageType;
import dev.ordersaga.schema.StockLine;
import dev.ordersaga.schema.Topics;
import dev.ordersaga.schema.inventory.ReserveInventory;
import dev.ordersaga.schema.json.BindingViolation;
import dev.ordersaga.schema.json.StrictJson;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IncomingMessageDecoderTest {

    private static final UUID ORDER_ID = UUID.fromString("6f1c1a8e-4a56-4e0e-9d0a-3a4f6c8e2b11");
    private static final UUID MESSAGE_ID = UUID.fromString("0b5b8f7e-2a0c-4d7e-8e11-2d3c4b5a6978");
    private static final String TRACE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String VALID_JSON = "{\"orderId\":\"" + ORDER_ID + "\",\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":2}]}";

    private final IncomingMessageDecoder decoder = new IncomingMessageDecoder(new MessageCodec());

    @Test
    void decodesAWellFormedRecord() {
        IncomingMessage message = decoder.decode(record(Topics.INVENTORY_COMMANDS, VALID_JSON, validHeaders()));

        assertThat(message.messageId()).isEqualTo(MESSAGE_ID);
        assertThat(message.type()).isEqualTo(MessageType.RESERVE_INVENTORY);
        assertThat(message.traceparent()).isEqualTo(TRACE);
        assertThat(message.payload()).isEqualTo(new ReserveInventory(ORDER_ID, List.of(new StockLine("SKU-1", 2))));
    }

    @Test
    void readsANewerSchemaVersionWithUnknownFields() {
        Map<String, String> headers = validHeaders();
        headers.put(Headers.SCHEMA_VERSION, "2");
        String newer = VALID_JSON.replace("{\"orderId\"", "{\"warehouse\":\"north\",\"orderId\"");

        assertThat(decoder.decode(record(Topics.INVENTORY_COMMANDS, newer, headers)).payload())
                .isEqualTo(new ReserveInventory(ORDER_ID, List.of(new StockLine("SKU-1", 2))));
    }

    @Test
    void rejectsAMissingMessageId() {
        Map<String, String> headers = validHeaders();
        headers.remove(Headers.MESSAGE_ID);

        assertRejected(record(Topics.INVENTORY_COMMANDS, VALID_JSON, headers), "Missing header message-id");
    }

    @Test
    void rejectsABlankMessageId() {
        Map<String, String> headers = validHeaders();
        headers.put(Headers.MESSAGE_ID, " ");

        assertRejected(record(Topics.INVENTORY_COMMANDS, VALID_JSON, headers), "Missing header message-id");
    }

    @Test
    void rejectsAMessageIdThatIsNotAUuid() {
        Map<String, String> headers = validHeaders();
        headers.put(Headers.MESSAGE_ID, "order-42");

        assertRejected(record(Topics.INVENTORY_COMMANDS, VALID_JSON, headers),
                "Header message-id is not a UUID: 'order-42'");
    }

    /** UUID.fromString reads "1-1-1-1-1" as 00000001-0001-0001-0001-000000000001: one inbox key, two spellings. */
    @Test
    void rejectsAMessageIdThatIsNotInTheCanonicalForm() {
        Map<String, String> headers = validHeaders();
        headers.put(Headers.MESSAGE_ID, "1-1-1-1-1");

        assertRejected(record(Topics.INVENTORY_COMMANDS, VALID_JSON, headers),
                "Header message-id is not a UUID: '1-1-1-1-1'");
    }

    @Test
    void rejectsAMissingMessageType() {
        Map<String, String> headers = validHeaders();
        headers.remove(Headers.MESSAGE_TYPE);

        assertRejected(record(Topics.INVENTORY_COMMANDS, VALID_JSON, headers), "Missing header message-type");
    }

    @Test
    void rejectsAnUnknownMessageType() {
        Map<String, String> headers = validHeaders();
        headers.put(Headers.MESSAGE_TYPE, "ReserveEverything");

        assertRejected(record(Topics.INVENTORY_COMMANDS, VALID_JSON, headers), "Unknown message type 'ReserveEverything'");
    }

    @Test
    void echoesOnlyAShortPrefixOfAHeaderValue() {
        Map<String, String> headers = validHeaders();
        headers.put(Headers.MESSAGE_ID, "x".repeat(100_000));

        assertThatThrownBy(() -> decoder.decode(record(Topics.INVENTORY_COMMANDS, VALID_JSON, headers)))
                .isInstanceOf(PoisonMessageException.class)
                .hasMessage("Header message-id is not a UUID: '" + "x".repeat(64) + "\u2026'");
    }

    @Test
    void rejectsATypeThatTravelsOnAnotherTopic() {
        assertRejected(record(Topics.PAYMENT_COMMANDS, VALID_JSON, validHeaders()),
                "ReserveInventory does not belong on topic payment.commands (it travels on inventory.commands)");
    }

    @Test
    void rejectsASchemaVersionThatIsNotAPositiveInteger() {
        Map<String, String> headers = validHeaders();
        headers.put(Headers.SCHEMA_VERSION, "0");
        assertRejected(record(Topics.INVENTORY_COMMANDS, VALID_JSON, headers),
                "Header schema-version of ReserveInventory is not a positive integer: '0'");

        headers.put(Headers.SCHEMA_VERSION, "v1");
        assertRejected(record(Topics.INVENTORY_COMMANDS, VALID_JSON, headers),
                "Header schema-version of ReserveInventory is not a positive integer: 'v1'");
    }

    @Test
    void rejectsAnEmptyValue() {
        assertRejected(record(Topics.INVENTORY_COMMANDS, "", validHeaders()), "ReserveInventory has an empty value");
        assertRejected(record(Topics.INVENTORY_COMMANDS, null, validHeaders()), "ReserveInventory has an empty value");
    }

    @Test
    void rejectsAJsonNullValue() {
        assertRejected(record(Topics.INVENTORY_COMMANDS, "null", validHeaders()), "ReserveInventory value is JSON null");
    }

    @Test
    void rejectsMalformedJson() {
        assertRejected(record(Topics.INVENTORY_COMMANDS, "{\"orderId\": ", validHeaders()),
                "Value is not a valid ReserveInventory document");
    }

    @Test
    void rejectsJsonThatIsNotAnObject() {
        for (String value : List.of("[1]", "\"ReserveInventory\"", "42", "true")) {
            assertThatThrownBy(() -> decoder.decode(record(Topics.INVENTORY_COMMANDS, value, validHeaders())))
                    .isExactlyInstanceOf(PoisonMessageException.class)
                    .hasMessageStartingWith("ReserveInventory value is not a JSON object but ");
        }
    }

    @Test
    void rejectsADocumentWithADuplicateField() {
        String duplicate = VALID_JSON.replace("{\"orderId\"", "{\"orderId\":\"" + ORDER_ID + "\",\"orderId\"");

        assertThatThrownBy(() -> decoder.decode(record(Topics.INVENTORY_COMMANDS, duplicate, validHeaders())))
                .isExactlyInstanceOf(PoisonMessageException.class)
                .hasMessageContaining("Duplicate field 'orderId'");
    }

    @Test
    void rejectsAValueOverTheDocumentLimitWithoutParsingIt() {
        String padded = VALID_JSON.replace("{\"orderId\"", "{\"padding\":\"" + "p".repeat(StrictJson.MAX_DOCUMENT_BYTES) + "\",\"orderId\"");

        assertThatThrownBy(() -> decoder.decode(record(Topics.INVENTORY_COMMANDS, padded, validHeaders())))
                .isExactlyInstanceOf(PoisonMessageException.class)
                .hasMessageContaining("exceeds the maximum of 1048576 bytes");
    }

    @Test
    void aDocumentThatDoesNotFitItsTypeIsUnreadableWithTheViolationAndTheEnvelope() {
        String nullQuantity = VALID_JSON.replace("\"quantity\":2", "\"quantity\":null");

        UnreadableMessageException unreadable = unreadable(record(Topics.INVENTORY_COMMANDS, nullQuantity, validHeaders()));

        assertThat(unreadable).isInstanceOf(PoisonMessageException.class)
                .hasMessage("Value is not a valid ReserveInventory document: lines[0].quantity "
                        + "must be an integer, written without a fraction, an exponent or quotes");
        assertThat(unreadable.messageId()).isEqualTo(MESSAGE_ID);
        assertThat(unreadable.traceparent()).isEqualTo(TRACE);
        assertThat(unreadable.document()).isEqualTo(new UnreadableMessage(MessageType.RESERVE_INVENTORY, ORDER_ID,
                List.of(new BindingViolation("lines[0].quantity",
                        "must be an integer, written without a fraction, an exponent or quotes"))));
    }

    /** Internal messages are read as strictly as public ones: Jackson would read each of these as 2. */
    @ParameterizedTest
    @ValueSource(strings = {"2.0", "2.5", "2e0", "\"2\"", "true"})
    void aCoercibleQuantityIsUnreadableNotCoerced(String quantity) {
        String coercible = VALID_JSON.replace("\"quantity\":2", "\"quantity\":" + quantity);

        assertThat(unreadable(record(Topics.INVENTORY_COMMANDS, coercible, validHeaders())).document().violations())
                .extracting(BindingViolation::field).containsExactly("lines[0].quantity");
    }

    @Test
    void anOrderIdThatIsNotAUuidMakesTheDocumentUnreadableWithoutAnOrderId() {
        String notAUuid = VALID_JSON.replace(ORDER_ID.toString(), "order-42");

        UnreadableMessage document = unreadable(record(Topics.INVENTORY_COMMANDS, notAUuid, validHeaders())).document();

        assertThat(document.orderId()).isNull();
        assertThat(document.violations()).containsExactly(
                new BindingViolation("orderId", "must be a UUID string of 8-4-4-4-12 hexadecimal digits"));
    }

    private UnreadableMessageException unreadable(ConsumerRecord<byte[], byte[]> record) {
        return catchThrowableOfType(UnreadableMessageException.class, () -> decoder.decode(record));
    }

    private void assertRejected(ConsumerRecord<byte[], byte[]> record, String reason) {
        assertThatThrownBy(() -> decoder.decode(record))
                .isExactlyInstanceOf(PoisonMessageException.class)
                .hasMessageContaining(reason);
    }

    private static Map<String, String> validHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(Headers.MESSAGE_ID, MESSAGE_ID.toString());
        headers.put(Headers.MESSAGE_TYPE, "ReserveInventory");
        headers.put(Headers.SCHEMA_VERSION, "1");
        headers.put(Headers.TRACEPARENT, TRACE);
        return headers;
    }

    private static ConsumerRecord<byte[], byte[]> record(String topic, String value, Map<String, String> headers) {
        byte[] bytes = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<byte[], byte[]> record =
                new ConsumerRecord<>(topic, 0, 0L, ORDER_ID.toString().getBytes(StandardCharsets.UTF_8), bytes);
        headers.forEach((name, headerValue) -> record.headers().add(name, headerValue.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
