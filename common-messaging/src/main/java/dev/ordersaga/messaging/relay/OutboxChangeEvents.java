package dev.ordersaga.messaging.relay;

import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Reads Debezium's change events as the connector emits them (Kafka Connect {@link Struct}s, no converter) and picks
 * out the inserts into {@code public.outbox}; heartbeats, heartbeat-table changes and any other operation are not
 * messages. Reading the structs directly spares every row a JSON encoding and a parse (ADR 0013); the {@code jsonb}
 * payload column arrives as its JSON text and goes to Kafka as it is.
 */
final class OutboxChangeEvents {

    private static final String INSERT = "c";

    /** @throws UnreadableChangeEventException when an outbox insert lacks a column or has an unreadable one */
    Optional<OutboxMessage> outboxInsert(SourceRecord changeEvent) {
        if (changeEvent == null || !(changeEvent.value() instanceof Struct event)) {
            return Optional.empty(); // a tombstone
        }
        Struct source = struct(event, "source");
        boolean outboxInsert = INSERT.equals(field(event, "op"))
                && source != null
                && "public".equals(field(source, "schema"))
                && "outbox".equals(field(source, "table"));
        if (!outboxInsert) {
            return Optional.empty();
        }
        Struct row = struct(event, "after");
        if (row == null) {
            throw new UnreadableChangeEventException("Outbox change event has no row after the insert", null, null);
        }
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
                field(source, "ts_ms") instanceof Number committedAt ? committedAt.longValue() : 0L));
    }

    /** What is kept of an event the relay could not read, for the operator: Connect's rendering of its fields. */
    static String describe(SourceRecord changeEvent) {
        return String.valueOf(changeEvent == null ? null : changeEvent.value());
    }

    // The table's NOT NULL constraints make a missing column a bug, never data to skip: the row is parked.
    private static String required(Struct row, String column) {
        String value = optional(row, column);
        if (value == null) {
            throw new UnreadableChangeEventException("Outbox change event has no " + column, messageId(row), null);
        }
        return value;
    }

    private static int schemaVersion(Struct row) {
        Object version = field(row, "schema_version");
        if (version instanceof Integer integer) {
            return integer;
        }
        try {
            return Integer.parseInt(required(row, "schema_version"));
        } catch (NumberFormatException e) {
            throw new UnreadableChangeEventException(
                    "Outbox change event has a schema_version that is not a number", messageId(row), e);
        }
    }

    private static UUID messageId(Struct row) {
        try {
            String id = optional(row, "id");
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }

    private static String optional(Struct row, String column) {
        Object value = field(row, column);
        return value == null ? null : value.toString();
    }

    private static Struct struct(Struct parent, String name) {
        return field(parent, name) instanceof Struct child ? child : null;
    }

    /** The field's value, or null when the struct's schema has no such field (Struct.get would throw). */
    private static Object field(Struct struct, String name) {
        Field field = struct.schema().field(name);
        return field == null ? null : struct.get(field);
    }
}
