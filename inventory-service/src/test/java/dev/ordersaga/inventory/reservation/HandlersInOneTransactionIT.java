package dev.ordersaga.inventory.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.inventory.InventoryIntegrationTest;
import dev.ordersaga.schema.StockLine;
import dev.ordersaga.schema.inventory.ConfirmReservation;
import dev.ordersaga.schema.inventory.ReleaseInventory;
import dev.ordersaga.schema.inventory.ReserveInventory;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Several records' handlers in ONE transaction, as the messaging library runs a poll's records: the SQL handlers
 * (reserve, confirm) and the JPA one (release) on the same rows must see each other's writes, and no handler may
 * be served a copy of a row that another changed since (ADR 0014).
 */
class HandlersInOneTransactionIT extends InventoryIntegrationTest {

    @Autowired
    private InventoryCommands commands;
    @Autowired
    private PlatformTransactionManager transactionManager;

    private final String book = uniqueSku("BOOK");
    private final UUID first = UUID.randomUUID();
    private final UUID second = UUID.randomUUID();

    @Test
    void aReserveAfterAReleaseInTheSameTransactionGetsTheReleasedUnits() {
        seedProduct(book, 4);
        inOneTransaction(() -> commands.reserve(reserve(first, 4)));

        inOneTransaction(() -> {
            commands.release(new ReleaseInventory(first));
            commands.reserve(reserve(second, 4));
        });

        assertThat(stockOf(book)).isEqualTo(new StockLevels(0, 4, 0));
        assertThat(statusOf(first)).isEqualTo("RELEASED");
        assertThat(statusOf(second)).isEqualTo("RESERVED");
    }

    @Test
    void aConfirmAfterAReleaseInTheSameTransactionSellsNothing() {
        seedProduct(book, 10);
        inOneTransaction(() -> commands.reserve(reserve(first, 3)));

        inOneTransaction(() -> {
            commands.release(new ReleaseInventory(first));
            commands.confirm(new ConfirmReservation(first));
        });

        assertThat(stockOf(book)).isEqualTo(new StockLevels(10, 0, 0));
        assertThat(statusOf(first)).isEqualTo("RELEASED");
    }

    @Test
    void aReleaseAfterSqlChangedTheProductItLoadedBeforeWorksOnTheCurrentRow() {
        seedProduct(book, 10);
        inOneTransaction(() -> commands.reserve(reserve(first, 2)));

        inOneTransaction(() -> {
            commands.release(new ReleaseInventory(first));
            commands.reserve(reserve(second, 5));
            commands.confirm(new ConfirmReservation(second));
            commands.release(new ReleaseInventory(second));
        });

        assertThat(stockOf(book)).isEqualTo(new StockLevels(10, 0, 0));
        assertThat(statusOf(second)).isEqualTo("RELEASED");
    }

    @Test
    void aRepeatedReserveInTheSameTransactionHoldsTheStockOnce() {
        seedProduct(book, 10);

        inOneTransaction(() -> {
            commands.reserve(reserve(first, 3));
            commands.reserve(reserve(first, 3));
        });

        assertThat(stockOf(book)).isEqualTo(new StockLevels(7, 3, 0));
    }

    private void inOneTransaction(Runnable handlers) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> handlers.run());
    }

    private ReserveInventory reserve(UUID orderId, int quantity) {
        return new ReserveInventory(orderId, List.of(new StockLine(book, quantity)));
    }

    private String statusOf(UUID orderId) {
        return jdbc.queryForObject("SELECT status FROM reservations WHERE order_id = ?", String.class, orderId);
    }
}
