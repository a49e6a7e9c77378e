package dev.ordersaga.messaging.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutboxChangeEventsTest {

    static final String ID = "0b5b8f7e-2a0c-4d7e-8e11-2d3c4b5a6978";
    static final String ORDER_ID = "6f1c1a8e-4a56-4e0e-9d0a-3a4f6c8e2b11";
    static final String CAUSE_ID = "9a7e0c52-5d42-4b8e-a3f1-0c6d2e7b8f90";
    static final String TRACE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private final OutboxChangeEvents changeEvents = new OutboxChangeEvents();

    /** An outbox insert as the engine hands it over (JSON converter, schemas disabled). */
    static String outboxInsert(String causationId) {
        String causation = causationId == null ? "null" : "\"" + causationId + "\"";
        return """
                {"before":null,
                 "after":{"id":"%s","aggregatetype":"order","aggregateid":"%s","topic":"saga.replies",
                          "type":"InventoryReserved","schema_version":1,"payload":"{\\"orderId\\": \\"%s\\"}",
                          "correlation_id":"%s","causation_id":%s,"traceparent":"%s",
                          "created_at":"2026-01-01T10:00:00.123456Z"},
                 "source":{"version":"3.6.1.Final","connector":"postgresql","name":"messaging-it",
                           "ts_ms":1767261600123,"snapshot":"false","db":"messaging_it","schema":"public",
                           "table":"outbox","txId":771,"lsn":24416584},
                 "transaction":null,"op":"c","ts_ms":1767261600140}
                """.formatted(ID, ORDER_ID, ORDER_ID, ORDER_ID, causation, TRACE);
    }

    static String heartbeatRowUpdate() {
        return """
                {"before":null,"after":{"id":1,"beat_at":"2026-01-01T10:00:00Z"},
                 "source":{"ts_ms":1767261600123,"schema":"public","table":"relay_heartbeat"},"op":"u","ts_ms":1}
                """;
    }

    static String heartbeat() {
        return "{\"ts_ms\":1767261600123}";
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
        assertThat(changeEvents.outboxInsert(outboxInsert(CAUSE_ID).replace("\"op\":\"c\"", "\"op\":\"u\""))).isEmpty();
        assertThat(changeEvents.outboxInsert(outboxInsert(CAUSE_ID).replace("\"table\":\"outbox\"", "\"table\":\"orders\""))).isEmpty();
    }

    @Test
    void refusesAnOutboxInsertWithoutADestinationAsUnreadableKeepingItsId() {
        String noTopic = outboxInsert(CAUSE_ID).replace("\"topic\":\"saga.replies\"", "\"topic\":null");

        assertThatThrownBy(() -> changeEvents.outboxInsert(noTopic))
                .isInstanceOfSatisfying(UnreadableChangeEventException.class,
                        unreadable -> assertThat(unreadable.messageId()).contains(UUID.fromString(ID)))
                .hasMessage("Outbox change event has no topic");
    }

    @Test
    void refusesAnOutboxInsertWithAnUnreadableSchemaVersion() {
        String badVersion = outboxInsert(CAUSE_ID).replace("\"schema_version\":1", "\"schema_version\":\"one\"");

        assertThatThrownBy(() -> changeEvents.outboxInsert(badVersion))
                .isInstanceOf(UnreadableChangeEventException.class)
                .hasMessageContaining("schema_version");
    }

    @Test
    void refusesAChangeEventThatIsNotJsonWithoutAnId() {
        assertThatThrownBy(() -> changeEvents.outboxInsert("{\"op\": \"c\", "))
                .isInstanceOfSatisfying(UnreadableChangeEventException.class,
                        unreadable -> assertThat(unreadable.messageId()).isEmpty());
    }
}
