package dev.ordersaga.ops.dlt;

import static dev.ordersaga.ops.dlt.DeadLetterHeaders.EXCEPTION_CAUSE_FQCN;
import static dev.ordersaga.ops.dlt.DeadLetterHeaders.EXCEPTION_FQCN;
import static dev.ordersaga.ops.dlt.DeadLetterHeaders.EXCEPTION_MESSAGE;
import static dev.ordersaga.ops.dlt.DeadLetterHeaders.EXCEPTION_STACKTRACE;
import static dev.ordersaga.ops.dlt.DeadLetterHeaders.KEY_EXCEPTION_FQCN;
import static dev.ordersaga.ops.dlt.DeadLetterHeaders.KEY_EXCEPTION_MESSAGE;
import static dev.ordersaga.ops.dlt.DeadLetterHeaders.KEY_EXCEPTION_STACKTRACE;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ordersaga.ops.Json;
import dev.ordersaga.schema.Headers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** One record of a dead-letter topic, with what its {@code kafka_dlt-*} headers say about it. */
record DeadLetter(String topic, int partition, long offset, Instant timestamp, byte[] key, byte[] value,
                  List<Header> headers) {

    /** Shown when a dead letter carries no exception header at all. */
    static final String NO_EXCEPTION = "(none)";

    static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
        return new DeadLetter(record.topic(), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                record.key(), record.value(), List.of(record.headers().toArray()));
    }

    /** {@code order.requests-dlt-1@42}, as Kafka tools write a record's place. */
    String coordinates() {
        return topic + "-" + partition + "@" + offset;
    }

    /** The audit log's key for this dead letter: {@code <dltTopic>:<partition>:<offset>}. */
    String auditKey() {
        return topic + ":" + partition + ":" + offset;
    }

    /** The last header of that name as UTF-8 text (escaped if it is not), or {@code null}. */
    String header(String name) {
        byte[] bytes = headerBytes(name);
        return bytes == null ? null : Bytes.escape(bytes);
    }

    byte[] headerBytes(String name) {
        for (int i = headers.size() - 1; i >= 0; i--) {
            if (headers.get(i).key().equals(name)) {
                return headers.get(i).value();
            }
        }
        return null;
    }

    String originalTopic() {
        return header(DeadLetterHeaders.ORIGINAL_TOPIC);
    }

    Integer originalPartition() {
        Long partition = DeadLetterHeaders.number(headerBytes(DeadLetterHeaders.ORIGINAL_PARTITION));
        return partition == null ? null : partition.intValue();
    }

    Long originalOffset() {
        return DeadLetterHeaders.number(headerBytes(DeadLetterHeaders.ORIGINAL_OFFSET));
    }

    Instant originalTimestamp() {
        Long millis = DeadLetterHeaders.number(headerBytes(DeadLetterHeaders.ORIGINAL_TIMESTAMP));
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    String originalConsumerGroup() {
        return header(DeadLetterHeaders.ORIGINAL_CONSUMER_GROUP);
    }

    /** The real cause when Spring recorded one, else its wrapper, else the key's failure, else {@value #NO_EXCEPTION}. */
    String exceptionClass() {
        return firstHeader(EXCEPTION_CAUSE_FQCN, EXCEPTION_FQCN, KEY_EXCEPTION_FQCN).orElse(NO_EXCEPTION);
    }

    String exceptionMessage() {
        return firstHeader(EXCEPTION_MESSAGE, KEY_EXCEPTION_MESSAGE).orElse(null);
    }

    /** Multi-line, so not escaped. */
    String stackTrace() {
        byte[] bytes = headerBytes(EXCEPTION_STACKTRACE);
        if (bytes == null) {
            bytes = headerBytes(KEY_EXCEPTION_STACKTRACE);
        }
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    String messageType() {
        return header(Headers.MESSAGE_TYPE);
    }

    String messageId() {
        return header(Headers.MESSAGE_ID);
    }

    /** The key as text, escaped where it is not UTF-8; {@code null} for a record without key. */
    String keyText() {
        return key == null ? null : Bytes.escape(key);
    }

    /** The value parsed as JSON, if it is JSON. */
    Optional<JsonNode> jsonValue() {
        if (value == null || value.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(Json.mapper().readTree(value));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /** The {@code orderId} of a JSON value, if it has a UUID there. */
    Optional<UUID> payloadOrderId() {
        return jsonValue()
                .map(json -> json.path("orderId"))
                .filter(JsonNode::isTextual)
                .flatMap(orderId -> uuid(orderId.asText()));
    }

    Optional<UUID> keyAsUuid() {
        String text = key == null ? null : Bytes.utf8OrNull(key);
        return text == null ? Optional.empty() : uuid(text.trim());
    }

    private Optional<String> firstHeader(String... names) {
        for (String name : names) {
            String value = header(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** Only the canonical 36-character form: {@link UUID#fromString} alone accepts things like {@code 1-2-3-4-5}. */
    private static Optional<UUID> uuid(String text) {
        if (text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
