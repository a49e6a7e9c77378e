package dev.ordersaga.messaging.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.connect.data.ConnectSchema;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class OutboxChangeEventsTest {

    static final String ID = "0b5b8f7e-2a0c-4d7e-8e11-2d3c4b5a6978";
    static final String ORDER_ID = "6f1c1a8e-4a56-4e0e-9d0a-3a4f6c8e2b11";
    static final String CAUSE_ID = "9a7e0c52-5d42-4b8e-a3f1-0c6d2e7b8f90";
    static final String TRACE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final OutboxChangeEvents changeEvents = new OutboxChangeEvents();

    private static final Schema ROW = SchemaBuilder.struct().name("messaging-it.public.outbox.Value")
            .field("id", SchemaBuilder.string().name("io.debezium.data.Uuid").build())
            .field("aggregatetype", Schema.STRING_SCHEMA)
            .field("aggregateid", Schema.STRING_SCHEMA)
            .field("topic", Schema.STRING_SCHEMA)
            .field("type", Schema.STRING_SCHEMA)
            .field("schema_version", Schema.INT32_SCHEMA)
            .field("payload", SchemaBuilder.string().name("io.debezium.data.Json").build())
            .field("correlation_id", Schema.OPTIONAL_STRING_SCHEMA)
            .field("causation_id", SchemaBuilder.string().name("io.debezium.data.Uuid").optional().build())
            .field("traceparent", Schema.OPTIONAL_STRING_SCHEMA)
            .field("created_at", SchemaBuilder.string().name("io.debezium.time.ZonedTimestamp").build())
            .build();
    private static final Schema SOURCE = SchemaBuilder.struct().name("io.debezium.connector.postgresql.Source")
            .field("version", Schema.STRING_SCHEMA)
            .field("connector", Schema.STRING_SCHEMA)
            .field("name", Schema.STRING_SCHEMA)
            .field("ts_ms", Schema.INT64_SCHEMA)
            .field("db", Schema.STRING_SCHEMA)
            .field("schema", Schema.STRING_SCHEMA)
            .field("table", Schema.STRING_SCHEMA)
            .field("txId", Schema.OPTIONAL_INT64_SCHEMA)
            .field("lsn", Schema.OPTIONAL_INT64_SCHEMA)
            .build();

    /** An outbox insert as the engine hands it over: the connector's record, Connect structs, no converter. */
    static SourceRecord outboxInsert(String causationId) {
        return outboxInsert(causationId, ROW, row -> { });
    }

    /** An outbox insert whose row has {@code rowSchema} and which {@code change} adjusts after the usual columns. */
    static SourceRecord outboxInsert(String causationId, Schema rowSchema, Consumer<Struct> change) {
        Struct row = new Struct(rowSchema);
        put(row, "id", ID);
        put(row, "aggregatetype", "order");
        put(row, "aggregateid", ORDER_ID);
        put(row, "topic", "saga.replies");
        put(row, "type", "InventoryReserved");
        put(row, "schema_version", 1);
        put(row, "payload", "{\"orderId\": \"" + ORDER_ID + "\"}");
        put(row, "correlation_id", ORDER_ID);
        put(row, "causation_id", causationId);
        put(row, "traceparent", TRACE);
        put(row, "created_at", "2026-01-01T10:00:00.123456Z");
        change.accept(row);
        return changeEvent("c", "outbox", rowSchema, row);
    }

    static SourceRecord withId(SourceRecord insert, String id) {
        Struct row = ((Struct) insert.value()).getStruct("after");
        return outboxInsert(row.getString("causation_id"), row.schema(), changed -> changed.put("id", id));
    }

    static SourceRecord heartbeatRowUpdate() {
        Schema rowSchema = SchemaBuilder.struct().name("messaging-it.public.relay_heartbeat.Value")
                .field("id", Schema.INT32_SCHEMA).field("beat_at", Schema.STRING_SCHEMA).build();
        return changeEvent("u", "relay_heartbeat", rowSchema, new Struct(rowSchema).put("id", 1).put("beat_at", "2026-01-01T10:00:00Z"));
    }

    /** Debezium's heartbeat record: a struct with only a timestamp. */
    static SourceRecord heartbeat() {
        Schema schema = SchemaBuilder.struct().name("io.debezium.connector.common.Heartbeat")
                .field("ts_ms", Schema.INT64_SCHEMA).build();
        return new SourceRecord(Map.of("server", "messaging-it"), Map.of("lsn", 24416584L),
                "__debezium-heartbeat.messaging-it", null, schema, new Struct(schema).put("ts_ms", 1767261600123L));
    }

    private static SourceRecord changeEvent(String op, String table, Schema rowSchema, Struct row) {
        Schema envelope = SchemaBuilder.struct().name("messaging-it.public." + table + ".Envelope")
                .field("before", SchemaBuilder.struct().optional().build())
                .field("after", rowSchema)
                .field("source", SOURCE)
                .field("op", Schema.STRING_SCHEMA)
                .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA)
                .build();
        Struct source = new Struct(SOURCE).put("version", "3.6.1.Final").put("connector", "postgresql")
                .put("name", "messaging-it").put("ts_ms", 1767261600123L).put("db", "messaging_it")
                .put("schema", "public").put("table", table).put("txId", 771L).put("lsn", 24416584L);
        Struct value = new Struct(envelope).put("after", row).put("source", source).put("op", op)
                .put("ts_ms", 1767261600140L);
        return new SourceRecord(Map.of("server", "messaging-it"), Map.of("lsn", 24416584L),
                "messaging-it.public." + table, null, envelope, value);
    }

    /** Fills a column the row's schema has with the type it has there; a test's change sets any other value. */
    private static void put(Struct row, String column, Object value) {
        org.apache.kafka.connect.data.Field field = row.schema().field(column);
        if (field != null && (value == null || ConnectSchema.schemaType(value.getClass()) == field.schema().type())) {
            row.put(field, value);
        }
    }

    /** The usual row schema with {@code column} left out, or given {@code replacement}'s schema. */
    static Schema rowSchemaWith(String column, Schema replacement) {
        SchemaBuilder builder = SchemaBuilder.struct().name(ROW.name());
        for (org.apache.kafka.connect.data.Field field : ROW.fields()) {
            if (!field.name().equals(column)) {
                builder.field(field.name(), field.schema());
            } else if (replacement != null) {
                builder.field(column, replacement);
            }
        }
        return builder.build();
    }

    @Test
    void readsEveryColumnOfAnOutboxInsert() {
        OutboxMessage message = changeEvents.outboxInsert(outboxInsert(CAUSE_ID)).orElseThrow();

        assertThat(message).isEqualTo(new OutboxMessage(ID, "saga.replies", ORDER_ID, "InventoryReserved", 1,
                "{\"orderId\": \"" + ORDER_ID + "\"}", ORDER_ID, CAUSE_ID, TRACE, 1767261600123L));
    }

    @Test
    void readsAMissingCausationAsNull() {
        assertThat(changeEvents.outboxInsert(outboxInsert(null)).orElseThrow().causationId()).isNull();
    }

    @Test
    void ignoresHeartbeatsHeartbeatRowChangesTombstonesAndOtherOperations() {
        assertThat(changeEvents.outboxInsert(heartbeat())).isEmpty();
        assertThat(changeEvents.outboxInsert(heartbeatRowUpdate())).isEmpty();
        assertThat(changeEvents.outboxInsert(null)).isEmpty();
        SourceRecord insert = outboxInsert(CAUSE_ID);
        assertThat(changeEvents.outboxInsert(insert.newRecord(insert.topic(), null, null, null, null, null,
                insert.timestamp()))).as("a tombstone").isEmpty();
        Struct update = ((Struct) insert.value()).put("op", "u");
        assertThat(changeEvents.outboxInsert(insert.newRecord(insert.topic(), null, null, null, update.schema(), update,
                insert.timestamp()))).as("an update").isEmpty();
        Struct otherTable = ((Struct) outboxInsert(CAUSE_ID).value());
        otherTable.getStruct("source").put("table", "orders");
        assertThat(changeEvents.outboxInsert(insert.newRecord(insert.topic(), null, null, null, otherTable.schema(),
                otherTable, insert.timestamp()))).as("an insert into another table").isEmpty();
    }

    @Test
    void refusesAnOutboxInsertWithoutADestinationAsUnreadableKeepingItsId() {
        SourceRecord noTopic = outboxInsert(CAUSE_ID, rowSchemaWith("topic", Schema.OPTIONAL_STRING_SCHEMA),
                row -> row.put("topic", null));

        assertThatThrownBy(() -> changeEvents.outboxInsert(noTopic))
                .isInstanceOfSatisfying(UnreadableChangeEventException.class,
                        unreadable -> assertThat(unreadable.messageId()).contains(UUID.fromString(ID)))
                .hasMessage("Outbox change event has no topic");
    }

    @Test
    void refusesAnOutboxInsertWhoseRowLacksAColumn() {
        SourceRecord noType = outboxInsert(CAUSE_ID, rowSchemaWith("type", null), row -> { });

        assertThatThrownBy(() -> changeEvents.outboxInsert(noType))
                .isInstanceOfSatisfying(UnreadableChangeEventException.class,
                        unreadable -> assertThat(unreadable.messageId()).contains(UUID.fromString(ID)))
                .hasMessage("Outbox change event has no type");
    }

    @Test
    void refusesAnOutboxInsertWithAnUnreadableSchemaVersion() {
        SourceRecord badVersion = outboxInsert(CAUSE_ID, rowSchemaWith("schema_version", Schema.STRING_SCHEMA),
                row -> row.put("schema_version", "one"));

        assertThatThrownBy(() -> changeEvents.outboxInsert(badVersion))
                .isInstanceOf(UnreadableChangeEventException.class)
                .hasMessageContaining("schema_version");
    }

    @Test
    void refusesAnOutboxInsertWithoutARowWithoutAnId() {
        Struct insert = (Struct) outboxInsert(CAUSE_ID).value();
        Schema optionalRow = SchemaBuilder.struct().name("messaging-it.public.outbox.Envelope")
                .field("after", SchemaBuilder.struct().optional().build())
                .field("source", SOURCE)
                .field("op", Schema.STRING_SCHEMA).build();
        Struct event = new Struct(optionalRow).put("source", insert.getStruct("source")).put("op", "c");
        SourceRecord record = new SourceRecord(Map.of(), Map.of(), "messaging-it.public.outbox", null, optionalRow, event);

        assertThatThrownBy(() -> changeEvents.outboxInsert(record))
                .isInstanceOfSatisfying(UnreadableChangeEventException.class,
                        unreadable -> assertThat(unreadable.messageId()).isEmpty());
    }
}
