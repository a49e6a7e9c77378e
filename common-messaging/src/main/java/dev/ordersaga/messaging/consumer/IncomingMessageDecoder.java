package dev.ordersaga.messaging.consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ordersaga.messaging.MessageCodec;
import dev.ordersaga.schema.Headers;
import dev.ordersaga.schema.Message;
import dev.ordersaga.schema.MessageType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Turns a raw record into an {@link IncomingMessage}, or says precisely why it cannot. */
final class IncomingMessageDecoder {

    private final MessageCodec codec;

    IncomingMessageDecoder(MessageCodec codec) {
        this.codec = codec;
    }

    IncomingMessage decode(ConsumerRecord<byte[], byte[]> record) {
        UUID messageId = messageId(record);
        MessageType type = messageType(record);
        checkSchemaVersion(record, type);
        Message payload = payload(record, type);
        return new IncomingMessage(messageId, type, header(record, Headers.TRACEPARENT), payload);
    }

    private static UUID messageId(ConsumerRecord<byte[], byte[]> record) {
        String value = requiredHeader(record, Headers.MESSAGE_ID);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException("Header " + Headers.MESSAGE_ID + " is not a UUID: '" + value + "'");
        }
    }

    private static MessageType messageType(ConsumerRecord<byte[], byte[]> record) {
        String name = requiredHeader(record, Headers.MESSAGE_TYPE);
        MessageType type = MessageType.byName(name)
                .orElseThrow(() -> new PoisonMessageException("Unknown message type '" + name + "'"));
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
                    "Header " + Headers.SCHEMA_VERSION + " of " + type.typeName() + " is not a positive integer: '"
                            + version + "'");
        }
    }

    private Message payload(ConsumerRecord<byte[], byte[]> record, MessageType type) {
        if (record.value() == null || record.value().length == 0) {
            throw new PoisonMessageException(type.typeName() + " has an empty value");
        }
        try {
            Message message = codec.decode(record.value(), type.javaType());
            if (message == null) {
                throw new PoisonMessageException(type.typeName() + " value is JSON null");
            }
            return message;
        } catch (IOException e) {
            throw new PoisonMessageException(
                    "Value is not a valid " + type.typeName() + " document: " + reason(e), e);
        }
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
