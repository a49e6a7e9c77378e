package dev.ordersaga.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordersaga.messaging.MessageCodec;
import dev.ordersaga.messaging.MessageContext;
import dev.ordersaga.schema.Message;
import dev.ordersaga.schema.order.OrderRequestRejected;
import dev.ordersaga.schema.inventory.InventoryReserved;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class OutboxTest {

    @Test
    void refusesToSendOutsideATransactionAndWritesNothing() {
        RecordingJdbcTemplate jdbc = new RecordingJdbcTemplate();
        Outbox outbox = new Outbox(jdbc, new MessageCodec());

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
    void fallsBackToTheMessageIdWhenThereIsNoKeyToAnswerOn() {
        Object[] insert = sendInTransaction(rejectionWithoutOrderId(), null);

        assertThat(insert[AGGREGATE_ID]).isEqualTo(insert[0].toString());
    }

    private static final int AGGREGATE_ID = 2;
    private static final int CORRELATION_ID = 7;

    private static OrderRequestRejected rejectionWithoutOrderId() {
        return new OrderRequestRejected(null, "PlaceOrder",
                List.of(new OrderRequestRejected.Violation("orderId", "is required")));
    }

    private static Object[] sendInTransaction(Message message, MessageContext cause) {
        RecordingJdbcTemplate jdbc = new RecordingJdbcTemplate();
        Outbox outbox = new Outbox(jdbc, new MessageCodec());
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
