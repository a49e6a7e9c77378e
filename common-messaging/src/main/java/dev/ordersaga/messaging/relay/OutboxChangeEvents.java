package dev.ordersaga.messaging.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * Reads Debezium's JSON change events (converter schemas disabled) and picks out the inserts into
 * {@code public.outbox}; heartbeats, heartbeat-table changes and any other operation are not messages.
 */
final class OutboxChangeEvents {

    private static final String INSERT = "c";

    private final ObjectMapper mapper = new ObjectMapper();

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
                Integer.parseInt(required(row, "schema_version")),
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
            throw new IllegalStateException("Debezium produced a change event that is not JSON", e);
        }
    }

    // The table's NOT NULL constraints make a missing column a bug, never data to skip: the relay stops on it.
    private static String required(JsonNode row, String column) {
        String value = optional(row, column);
        if (value == null) {
            throw new IllegalStateException("Outbox change event has no " + column + ": " + row);
        }
        return value;
    }

    private static String optional(JsonNode row, String column) {
        JsonNode value = row.get(column);
        return value == null || value.isNull() ? null : value.asText();
    }
}
