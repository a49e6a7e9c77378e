package dev.ordersaga.messaging.consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ordersaga.messaging.MessageCodec;
import dev.ordersaga.schema.Headers;
import dev.ordersaga.schema.Message;
import dev.ordersaga.schema.MessageType;
import dev.ordersaga.schema.json.BindingViolation;
import dev.ordersaga.schema.json.Echo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Turns a raw record into an {@link IncomingMessage}, or says precisely why it cannot. Bytes that are no JSON
 * object within the limits, and bad headers, are a {@link PoisonMessageException}; a JSON object that does
 * not fit its type is an {@link UnreadableMessageException}, which a subscription may answer. Values from the
 * record are echoed only as a short prefix ({@link Echo}).
 *
 * <p>A valid value is bound in one JSON pass; only a value that fails it is read again as a tree, to tell which
 * of the two it is and to name the violation (see {@link MessageCodec}).
 */
final class IncomingMessageDecoder {

    // Enough to recognise any header value the catalogue knows; a dead-letter reason stays small whatever was sent.
    private static final int HEADER_ECHO = 64;
    private static final int CANONICAL_UUID_LENGTH = 36;

    private final MessageCodec codec;

    IncomingMessageDecoder(MessageCodec codec) {
        this.codec = codec;
    }

    IncomingMessage decode(ConsumerRecord<byte[], byte[]> record) {
        UUID messageId = messageId(record);
        MessageType type = messageType(record);
        checkSchemaVersion(record, type);
        String traceparent = header(record, Headers.TRACEPARENT);
        return new IncomingMessage(messageId, type, traceparent, payload(record, type, messageId, traceparent));
    }

    private static UUID messageId(ConsumerRecord<byte[], byte[]> record) {
        String value = requiredHeader(record, Headers.MESSAGE_ID);
        try {
            // UUID.fromString also takes short groups ("1-1-1-1-1"): two spellings of one inbox key.
            if (value.length() != CANONICAL_UUID_LENGTH) {
                throw new IllegalArgumentException("not the 36-character form");
            }
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException(
                    "Header " + Headers.MESSAGE_ID + " is not a UUID: " + Echo.quote(value, HEADER_ECHO));
        }
    }

    private static MessageType messageType(ConsumerRecord<byte[], byte[]> record) {
        String name = requiredHeader(record, Headers.MESSAGE_TYPE);
        MessageType type = MessageType.byName(name)
                .orElseThrow(() -> new PoisonMessageException(
                        "Unknown message type " + Echo.quote(name, HEADER_ECHO)));
        if (!type.topic().equals(record.topic())) {
            throw new PoisonMessageException(
                    name + " does not belong on topic " + record.topic() + " (it travels on " + type.topic() + ")");
        }
        return type;
    }

    /** A newer version is still read: schema changes are additive, and unknown fields are ignored. */
    private static void checkSchemaVersion(ConsumerRecord<byte[], byte[]> record, MessageType type) {
        String version = header(record, Headers.SCHEMA_VERSION);
        if (version == null) {
            return;
        }
        try {
            if (Integer.parseInt(version.trim()) < 1) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new PoisonMessageException(
                    "Header " + Headers.SCHEMA_VERSION + " of " + type.typeName() + " is not a positive integer: "
                            + Echo.quote(version, HEADER_ECHO));
        }
    }

    private Message payload(ConsumerRecord<byte[], byte[]> record, MessageType type, UUID messageId,
                            String traceparent) {
        if (record.value() == null || record.value().length == 0) {
            throw new PoisonMessageException(type.typeName() + " has an empty value");
        }
        try {
            return codec.readObject(record.value(), type.javaType());
        } catch (IOException | RuntimeException oneStepFailed) {
            // Not a valid message: the two-step read below says why, in the words the producer is answered with.
        }
        JsonNode document = document(record, type);
        try {
            return codec.bind(document, type.javaType());
        } catch (JsonMappingException e) {
            UnreadableMessage unreadable = new UnreadableMessage(
                    type, codec.orderIdOf(document).orElse(null), List.of(BindingViolation.of(e)));
            throw new UnreadableMessageException(messageId, traceparent, unreadable, e);
        }
    }

    private JsonNode document(ConsumerRecord<byte[], byte[]> record, MessageType type) {
        JsonNode document;
        try {
            document = codec.parse(record.value());
        } catch (IOException e) {
            throw new PoisonMessageException(
                    "Value is not a valid " + type.typeName() + " document: " + reason(e), e);
        }
        if (document.isNull()) {
            throw new PoisonMessageException(type.typeName() + " value is JSON null");
        }
        if (!document.isObject()) {
            throw new PoisonMessageException(type.typeName() + " value is not a JSON object but "
                    + document.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return document;
    }

    private static String reason(IOException e) {
        return e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    }

    private static String requiredHeader(ConsumerRecord<byte[], byte[]> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new PoisonMessageException("Missing header " + name);
        }
        return value;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
