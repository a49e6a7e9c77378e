package dev.ordersaga.messaging.testapp;

import dev.ordersaga.messaging.MessageContext;
import dev.ordersaga.messaging.outbox.Outbox;
import dev.ordersaga.schema.inventory.InventoryReserved;
import dev.ordersaga.schema.inventory.ReserveInventory;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The test service's handler: records an effect row and replies, in the handler's transaction. */
@Component
public class Reservations {

    private final JdbcTemplate jdbc;
    private final Outbox outbox;

    Reservations(JdbcTemplate jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    void reserve(ReserveInventory command) {
        UUID commandId = MessageContext.current().orElseThrow().messageId();
        jdbc.update("INSERT INTO reservation_effect (command_id, order_id) VALUES (?, ?)", commandId, command.orderId());
        outbox.send(new InventoryReserved(command.orderId()));
    }

    /** How many times the command with this message id was applied. */
    public int timesApplied(UUID commandId) {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM reservation_effect WHERE command_id = ?", Integer.class, commandId);
        return count == null ? 0 : count;
    }
}
