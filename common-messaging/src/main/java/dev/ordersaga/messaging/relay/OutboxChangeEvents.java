package dev.ordersaga.messaging.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads Debezium's JSON change events (converter schemas disabled) and picks out the inserts into
 * {@code public.outbox}; heartbeats, heartbeat-table changes and any other operation are not messages.
 */
final class OutboxChangeEvents {

    private static final String INSERT = "c";

    private final ObjectMapper mapper = new ObjectMapper();

    /** @throws UnreadableChangeEventException when an event is not JSON or an outbox insert lacks a column */
    Optional<OutboxMessage> outboxInsert(String changeEvent) {
        if (changeEvent == null) {
            return Optional.empty();
        }
        JsonNode event = parse(changeEvent);
        JsonNode source = event.path("source");
        boolean outboxInsert = INSERT.equals(event.path("op").asText())
                && "public".equals(source.path("schema").asText())
                && "outbox".equals(source.path("table").asText());
        if (!outboxInsert) {
            return Optional.empty();
        }
        JsonNode row = event.path("after");
        return Optional.of(new OutboxMessage(
                required(row, "id"),
                required(row, "topic"),
                required(row, "aggregateid"),
                required(row, "type"),
                schemaVersion(row),
                required(row, "payload"),
                optional(row, "correlation_id"),
                optional(row, "causation_id"),
                optional(row, "traceparent"),
                source.path("ts_ms").asLong()));
    }

    private JsonNode parse(String changeEvent) {
        try {
            return mapper.readTree(changeEvent);
        } catch (JsonProcessingException e) {
            throw new UnreadableChangeEventException("Debezium produced a change event that is not JSON", null, e);
        }
    }

    // The table's NOT NULL constraints make a missing column a bug, never data to skip: the row is parked.
    private static String required(JsonNode row, String column) {
        String value = optional(row, column);
        if (value == null) {
            throw new UnreadableChangeEventException("Outbox change event has no " + column, messageId(row), null);
        }
        return value;
    }

    private static int schemaVersion(JsonNode row) {
        String version = required(row, "schema_version");
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw new UnreadableChangeEventException(
                    "Outbox change event has a schema_version that is not a number", messageId(row), e);
        }
    }

    private static UUID messageId(JsonNode row) {
        try {
            String id = optional(row, "id");
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }

    private static String optional(JsonNode row, String column) {
        JsonNode value = row.get(column);
        return value == null || value.isNull() ? null : value.asText();
    }
}
