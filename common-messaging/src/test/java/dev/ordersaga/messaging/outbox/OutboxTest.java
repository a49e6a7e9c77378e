package dev.ordersaga.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordersaga.messaging.MessageCodec;
import dev.ordersaga.schema.inventory.InventoryReserved;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

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

    private static final class RecordingJdbcTemplate extends JdbcTemplate {

        private final List<String> statements = new ArrayList<>();

        @Override
        public int update(String sql, Object... args) {
            statements.add(sql);
            return 1;
        }
    }
}
