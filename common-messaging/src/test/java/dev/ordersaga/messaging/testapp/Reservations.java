package dev.ordersaga.messaging.testapp;

import dev.ordersaga.messaging.MessageContext;
import dev.ordersaga.messaging.outbox.Outbox;
import dev.ordersaga.schema.inventory.InventoryReserved;
import dev.ordersaga.schema.inventory.InventoryUnavailable;
import dev.ordersaga.schema.inventory.ReserveInventory;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.CannotAcquireLockException;
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
    public static final String FAIL_PERMANENTLY = "FAIL-PERMANENTLY";
    public static final String FAIL_ONCE = "FAIL-ONCE";
    public static final String FAIL_IN_LEDGER = "FAIL-IN-LEDGER";
    public static final String SWALLOW_LEDGER_FAILURE = "SWALLOW-LEDGER-FAILURE";

    private final Set<UUID> failedOnce = ConcurrentHashMap.newKeySet();

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final StockLedger ledger;

    Reservations(JdbcTemplate jdbc, Outbox outbox, StockLedger ledger) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.ledger = ledger;
    }

    void reserve(ReserveInventory command) {
        UUID commandId = MessageContext.current().orElseThrow().messageId();
        jdbc.update("INSERT INTO reservation_effect (command_id, order_id, transaction_id) VALUES (?, ?, txid_current())",
                commandId, command.orderId());
        failIfAsked(command);
        List<InventoryUnavailable.Shortage> shortages = command.lines().stream()
                .filter(line -> line.sku().startsWith(SOLD_OUT_PREFIX))
                .map(line -> new InventoryUnavailable.Shortage(line.sku(), line.quantity(), 0))
                .toList();
        outbox.send(shortages.isEmpty()
                ? new InventoryReserved(command.orderId())
                : new InventoryUnavailable(command.orderId(), shortages));
    }

    /**
     * A line with SKU {@link #FAIL_PERMANENTLY} fails the command for good, after its effect row was written; one
     * with SKU {@link #FAIL_ONCE} fails the first attempt with a lock conflict; {@link #FAIL_IN_LEDGER} fails in a
     * {@code @Transactional} method, and {@link #SWALLOW_LEDGER_FAILURE} too, but the handler swallows that. The
     * effect row must then be undone.
     */
    private void failIfAsked(ReserveInventory command) {
        UUID commandId = MessageContext.current().orElseThrow().messageId();
        if (command.lines().stream().anyMatch(line -> line.sku().equals(FAIL_PERMANENTLY))) {
            throw new IllegalArgumentException("command " + commandId + " cannot be applied (test)");
        }
        if (command.lines().stream().anyMatch(line -> line.sku().equals(FAIL_ONCE)) && failedOnce.add(commandId)) {
            throw new CannotAcquireLockException("lock conflict on command " + commandId + " (test)");
        }
        if (command.lines().stream().anyMatch(line -> line.sku().equals(FAIL_IN_LEDGER))) {
            ledger.refuse(FAIL_IN_LEDGER);
        }
        if (command.lines().stream().anyMatch(line -> line.sku().equals(SWALLOW_LEDGER_FAILURE))) {
            try {
                ledger.refuse(SWALLOW_LEDGER_FAILURE);
            } catch (IllegalStateException swallowed) {
                // A handler bug: the transaction it joined is marked rollback-only all the same.
            }
        }
    }

    /** The database transaction that applied this command, once it was. */
    public long transactionOf(UUID commandId) {
        Long transaction = jdbc.queryForObject(
                "SELECT transaction_id FROM reservation_effect WHERE command_id = ?", Long.class, commandId);
        return transaction == null ? -1 : transaction;
    }

    /** How many times the command with this message id was applied. */
    public int timesApplied(UUID commandId) {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM reservation_effect WHERE command_id = ?", Integer.class, commandId);
        return count == null ? 0 : count;
    }
}
