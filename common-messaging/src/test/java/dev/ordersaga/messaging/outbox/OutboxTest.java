package dev.ordersaga.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ordersaga.messaging.MessageCodec;
import dev.ordersaga.messaging.MessageContext;
import dev.ordersaga.schema.Message;
import dev.ordersaga.schema.order.OrderRequestRejected;
import dev.ordersaga.schema.inventory.InventoryReserved;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class OutboxTest {

    private static final int MAX_MESSAGE_BYTES = 1024;

    @Test
    void refusesToSendOutsideATransactionAndWritesNothing() {
        RecordingJdbcTemplate jdbc = new RecordingJdbcTemplate();
        Outbox outbox = new Outbox(jdbc, new MessageCodec(), MAX_MESSAGE_BYTES);

        assertThatThrownBy(() -> outbox.send(new InventoryReserved(UUID.randomUUID())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs a transaction");
        assertThat(jdbc.statements).isEmpty();
    }

    @Test
    void keysByOrderId() {
        UUID orderId = UUID.randomUUID();

        Object[] insert = sendInTransaction(new InventoryReserved(orderId), null);

        assertThat(insert[AGGREGATE_ID]).isEqualTo(orderId.toString());
        assertThat(insert[CORRELATION_ID]).isEqualTo(orderId.toString());
    }

    @Test
    void answersAMessageWithoutOrderIdOnTheKeyOfTheMessageItAnswers() {
        MessageContext request = new MessageContext(UUID.randomUUID(), "PlaceOrder", "order.requests", "req-7", null);

        Object[] insert = sendInTransaction(rejectionWithoutOrderId(), request);

        assertThat(insert[AGGREGATE_ID]).isEqualTo("req-7");
    }

    @Test
    void answersARequestWhoseKeyIsLongerThanAnyOrderIdOnItsOwnMessageIdWithTheRequestAsCause() {
        UUID requestId = UUID.randomUUID();
        MessageContext request = new MessageContext(requestId, "PlaceOrder", "order.requests", "k".repeat(65), null);

        Object[] insert = sendInTransaction(rejectionWithoutOrderId(), request);

        assertThat(insert[AGGREGATE_ID]).isEqualTo(insert[0].toString());
        assertThat(insert[CORRELATION_ID]).isEqualTo(insert[0].toString());
        assertThat(insert[CAUSATION_ID]).isEqualTo(requestId);
    }

    @Test
    void answersOnAKeyAsLongAsTheKeyColumn() {
        String key = "k".repeat(64);
        MessageContext request = new MessageContext(UUID.randomUUID(), "PlaceOrder", "order.requests", key, null);

        Object[] insert = sendInTransaction(rejectionWithoutOrderId(), request);

        assertThat(insert[AGGREGATE_ID]).isEqualTo(key);
    }

    @Test
    void fallsBackToTheMessageIdWhenThereIsNoKeyToAnswerOn() {
        Object[] insert = sendInTransaction(rejectionWithoutOrderId(), null);

        assertThat(insert[AGGREGATE_ID]).isEqualTo(insert[0].toString());
    }

    @Test
    void refusesAMessageOverTheLimitNamingItsTypeSizeAndTheLimitAndWritesNothing() {
        RecordingJdbcTemplate jdbc = new RecordingJdbcTemplate();
        Outbox outbox = new Outbox(jdbc, new MessageCodec(), MAX_MESSAGE_BYTES);
        OrderRequestRejected tooLarge = rejectionWithViolations(40);

        Throwable refusal;
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            refusal = catchThrowable(() -> outbox.send(tooLarge));
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }

        assertThat(refusal).isInstanceOfSatisfying(OutboxMessageTooLargeException.class, refused -> {
            assertThat(refused.messageType()).isEqualTo("OrderRequestRejected");
            assertThat(refused.sizeBytes()).isGreaterThan(MAX_MESSAGE_BYTES);
            assertThat(refused.maxBytes()).isEqualTo(MAX_MESSAGE_BYTES);
            assertThat(refused).hasMessage("OrderRequestRejected is " + refused.sizeBytes() + " bytes (payload and"
                    + " headers), over the outbox limit of 1024 bytes (messaging.outbox.max-message-bytes); it was"
                    + " not sent and its transaction rolls back");
        });
        assertThat(jdbc.statements).isEmpty();
    }

    /** Payload and headers count, in UTF-8 bytes: the limit is the record the relay would publish. */
    @Test
    void countsThePayloadAndEveryHeaderInUtf8Bytes() {
        UUID orderId = UUID.fromString("6f1c1a8e-4a56-4e0e-9d0a-3a4f6c8e2b11");
        UUID messageId = UUID.fromString("0b5b8f7e-2a0c-4d7e-8e11-2d3c4b5a6978");
        // One-, two-, three- and four-byte characters.
        OrderRequestRejected message = new OrderRequestRejected(orderId, "PlaceOrder",
                List.of(new OrderRequestRejected.Violation("customerId", "ünknown € \uD83D\uDE00")));
        int payloadBytes = new MessageCodec().encode(message).getBytes(StandardCharsets.UTF_8).length;
        // Key and correlation id are the order id; no cause, so no causation id; a fresh root traceparent.
        int exactSize = 36 + payloadBytes
                + "message-id".length() + 36 + "message-type".length() + "OrderRequestRejected".length()
                + "schema-version".length() + 1 + "correlation-id".length() + 36 + "traceparent".length() + 55;

        assertThat(sendsWithLimit(message, messageId, exactSize)).isTrue();
        assertThat(sendsWithLimit(message, messageId, exactSize - 1)).isFalse();
    }

    private static boolean sendsWithLimit(Message message, UUID messageId, int maxMessageBytes) {
        Outbox outbox = new Outbox(new RecordingJdbcTemplate(), new MessageCodec(), maxMessageBytes);
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            outbox.send(message, messageId);
            return true;
        } catch (OutboxMessageTooLargeException refused) {
            return false;
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
    }

    private static OrderRequestRejected rejectionWithViolations(int count) {
        List<OrderRequestRejected.Violation> violations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            violations.add(new OrderRequestRejected.Violation("lines[" + i + "].sku", "must not be blank"));
        }
        return new OrderRequestRejected(UUID.randomUUID(), "PlaceOrder", violations);
    }

    private static final int AGGREGATE_ID = 2;
    private static final int CORRELATION_ID = 7;
    private static final int CAUSATION_ID = 8;

    private static OrderRequestRejected rejectionWithoutOrderId() {
        return new OrderRequestRejected(null, "PlaceOrder",
                List.of(new OrderRequestRejected.Violation("orderId", "is required")));
    }

    private static Object[] sendInTransaction(Message message, MessageContext cause) {
        RecordingJdbcTemplate jdbc = new RecordingJdbcTemplate();
        Outbox outbox = new Outbox(jdbc, new MessageCodec(), MAX_MESSAGE_BYTES);
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            if (cause == null) {
                outbox.send(message);
            } else {
                MessageContext.callWithin(cause, () -> outbox.send(message));
            }
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        assertThat(jdbc.statements.get(0)).startsWith("INSERT INTO outbox");
        return jdbc.arguments.get(0);
    }

    private static final class RecordingJdbcTemplate extends JdbcTemplate {

        private final List<String> statements = new ArrayList<>();
        private final List<Object[]> arguments = new ArrayList<>();

        @Override
        public int update(String sql, Object... args) {
            statements.add(sql);
            arguments.add(args);
            return 1;
        }
    }
}
