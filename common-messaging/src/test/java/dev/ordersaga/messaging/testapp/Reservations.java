package dev.ordersaga.messaging.testapp;

import dev.ordersaga.messaging.MessageContext;
import dev.ordersaga.messaging.outbox.Outbox;
import dev.ordersaga.schema.inventory.InventoryReserved;
import dev.ordersaga.schema.inventory.InventoryUnavailable;
import dev.ordersaga.schema.inventory.ReserveInventory;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The test service's handler: records an effect row and replies, in the handler's transaction. Lines whose SKU
 * starts with {@link #SOLD_OUT_PREFIX} are unavailable, and the reply lists each of them, so a large enough
 * request makes a reply the outbox refuses.
 */
@Component
public class Reservations {

    public static final String SOLD_OUT_PREFIX = "SOLD-OUT-";

    private final JdbcTemplate jdbc;
    private final Outbox outbox;

    Reservations(JdbcTemplate jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    void reserve(ReserveInventory command) {
        UUID commandId = MessageContext.current().orElseThrow().messageId();
        jdbc.update("INSERT INTO reservation_effect (command_id, order_id) VALUES (?, ?)", commandId, command.orderId());
        List<InventoryUnavailable.Shortage> shortages = command.lines().stream()
                .filter(line -> line.sku().startsWith(SOLD_OUT_PREFIX))
                .map(line -> new InventoryUnavailable.Shortage(line.sku(), line.quantity(), 0))
                .toList();
        outbox.send(shortages.isEmpty()
                ? new InventoryReserved(command.orderId())
                : new InventoryUnavailable(command.orderId(), shortages));
    }

    /** How many times the command with this message id was applied. */
    public int timesApplied(UUID commandId) {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM reservation_effect WHERE command_id = ?", Integer.class, commandId);
        return count == null ? 0 : count;
    }
}
