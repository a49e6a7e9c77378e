package dev.ordersaga.inventory.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.inventory.InventoryIntegrationTest;
import dev.ordersaga.schema.StockLine;
import dev.ordersaga.schema.inventory.ConfirmReservation;
import dev.ordersaga.schema.inventory.InventoryReleased;
import dev.ordersaga.schema.inventory.InventoryReserved;
import dev.ordersaga.schema.inventory.InventoryUnavailable;
import dev.ordersaga.schema.inventory.InventoryUnavailable.Shortage;
import dev.ordersaga.schema.inventory.ReleaseInventory;
import dev.ordersaga.schema.inventory.ReservationConfirmed;
import dev.ordersaga.schema.inventory.ReserveInventory;
import dev.ordersaga.testkit.KafkaTestClient;
import dev.ordersaga.testkit.ReceivedRecord;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The commands travel through Kafka and the replies come back through the outbox relay, as in production. */
class InventoryCommandsIT extends InventoryIntegrationTest {

    private final KafkaTestClient kafka = kafka();
    private final UUID orderId = UUID.randomUUID();
    private final String book = uniqueSku("BOOK");
    private final String mug = uniqueSku("MUG");

    @Test
    void reservingATwoLineOrderHoldsBothLinesAndRepliesInventoryReservedKeyedByOrder() {
        seedProduct(book, 10);
        seedProduct(mug, 5);

        kafka.send(new ReserveInventory(orderId, List.of(new StockLine(book, 3), new StockLine(mug, 2))));

        assertThat(kafka.awaitMessage(orderId, InventoryReserved.class)).isEqualTo(new InventoryReserved(orderId));
        assertThat(stockOf(book)).isEqualTo(new StockLevels(7, 3, 0));
        assertThat(stockOf(mug)).isEqualTo(new StockLevels(3, 2, 0));
        assertThat(reservationStatus()).isEqualTo("RESERVED");
        assertThat(reservedLines()).containsExactlyInAnyOrder(book + "=3", mug + "=2");
    }

    @Test
    void anOrderWithOneShortLineReservesNothingAndNamesTheShortSku() {
        seedProduct(book, 10);
        seedProduct(mug, 1);

        kafka.send(new ReserveInventory(orderId, List.of(new StockLine(book, 3), new StockLine(mug, 2))));

        InventoryUnavailable reply = kafka.awaitMessage(orderId, InventoryUnavailable.class);
        assertThat(reply.shortages()).containsExactly(new Shortage(mug, 2, 1));
        assertThat(stockOf(book)).isEqualTo(new StockLevels(10, 0, 0));
        assertThat(stockOf(mug)).isEqualTo(new StockLevels(1, 0, 0));
        assertThat(reservationCount()).isZero();
    }

    @Test
    void anUnknownSkuIsShortWithNothingAvailable() {
        seedProduct(book, 10);
        String unknown = uniqueSku("NOPE");

        kafka.send(new ReserveInventory(orderId, List.of(new StockLine(book, 1), new StockLine(unknown, 1))));

        assertThat(kafka.awaitMessage(orderId, InventoryUnavailable.class).shortages())
                .containsExactly(new Shortage(unknown, 1, 0));
        assertThat(stockOf(book)).isEqualTo(new StockLevels(10, 0, 0));
    }

    @Test
    void confirmingMovesTheReservedUnitsToSold() {
        seedProduct(book, 10);
        reserve(new StockLine(book, 4));

        kafka.send(new ConfirmReservation(orderId));

        assertThat(kafka.awaitMessage(orderId, ReservationConfirmed.class)).isEqualTo(new ReservationConfirmed(orderId));
        assertThat(stockOf(book)).isEqualTo(new StockLevels(6, 0, 4));
        assertThat(reservationStatus()).isEqualTo("CONFIRMED");
    }

    @Test
    void releasingReturnsTheReservedUnitsToAvailable() {
        seedProduct(book, 10);
        seedProduct(mug, 3);
        reserve(new StockLine(book, 4), new StockLine(mug, 3));

        kafka.send(new ReleaseInventory(orderId));

        assertThat(kafka.awaitMessage(orderId, InventoryReleased.class)).isEqualTo(new InventoryReleased(orderId));
        assertThat(stockOf(book)).isEqualTo(new StockLevels(10, 0, 0));
        assertThat(stockOf(mug)).isEqualTo(new StockLevels(3, 0, 0));
        assertThat(reservationStatus()).isEqualTo("RELEASED");
    }

    @Test
    void theSameReserveWithANewMessageIdReservesOnceAndRepliesTwice() {
        seedProduct(book, 10);
        ReserveInventory command = new ReserveInventory(orderId, List.of(new StockLine(book, 3)));

        kafka.send(command);
        kafka.send(command);

        assertThat(kafka.awaitMessages(orderId, InventoryReserved.class, 2)).hasSize(2);
        assertThat(stockOf(book)).isEqualTo(new StockLevels(7, 3, 0));
        assertThat(reservedLines()).containsExactly(book + "=3");
    }

    @Test
    void duplicateSkusInOneOrderAreReservedAsOneLine() {
        seedProduct(book, 10);

        reserve(new StockLine(book, 2), new StockLine(book, 3));

        assertThat(stockOf(book)).isEqualTo(new StockLevels(5, 5, 0));
        assertThat(reservedLines()).containsExactly(book + "=5");
    }

    @Test
    void aConfirmAfterReleaseChangesNothingAndIsNotAnswered() {
        seedProduct(book, 10);
        reserve(new StockLine(book, 4));
        kafka.send(new ReleaseInventory(orderId));
        kafka.awaitMessage(orderId, InventoryReleased.class);

        kafka.send(new ConfirmReservation(orderId));
        // A later command on the same partition proves the confirm was handled before it.
        kafka.send(new ReleaseInventory(orderId));
        kafka.awaitMessages(orderId, InventoryReleased.class, 2);

        assertThat(kafka.recordsFor(orderId.toString())).extracting(ReceivedRecord::type)
                .doesNotContain("ReservationConfirmed");
        assertThat(stockOf(book)).isEqualTo(new StockLevels(10, 0, 0));
    }

    @Test
    void aReleaseBeforeAnyReserveKeepsALateReserveFromHoldingStock() {
        seedProduct(book, 10);

        kafka.send(new ReleaseInventory(orderId));
        kafka.awaitMessage(orderId, InventoryReleased.class);
        kafka.send(new ReserveInventory(orderId, List.of(new StockLine(book, 3))));
        kafka.awaitMessage(orderId, InventoryReserved.class);

        assertThat(stockOf(book)).isEqualTo(new StockLevels(10, 0, 0));
        assertThat(reservationStatus()).isEqualTo("RELEASED");
    }

    @Test
    void releasingAConfirmedReservationUndoesTheSale() {
        seedProduct(book, 10);
        seedProduct(mug, 5);
        reserve(new StockLine(book, 4), new StockLine(mug, 2));
        kafka.send(new ConfirmReservation(orderId));
        kafka.awaitMessage(orderId, ReservationConfirmed.class);

        kafka.send(new ReleaseInventory(orderId));

        assertThat(kafka.awaitMessage(orderId, InventoryReleased.class)).isEqualTo(new InventoryReleased(orderId));
        assertThat(stockOf(book)).isEqualTo(new StockLevels(10, 0, 0));
        assertThat(stockOf(mug)).isEqualTo(new StockLevels(5, 0, 0));
        assertThat(reservationStatus()).isEqualTo("RELEASED");
    }

    @Test
    void aSecondReleaseGivesNothingMoreBackAndRepliesAgain() {
        seedProduct(book, 10);
        reserve(new StockLine(book, 4));
        kafka.send(new ConfirmReservation(orderId));
        kafka.send(new ReleaseInventory(orderId));

        kafka.send(new ReleaseInventory(orderId));

        assertThat(kafka.awaitMessages(orderId, InventoryReleased.class, 2)).hasSize(2);
        assertThat(stockOf(book)).isEqualTo(new StockLevels(10, 0, 0));
        assertThat(reservationStatus()).isEqualTo("RELEASED");
    }

    @Test
    void aSecondConfirmSellsNothingMoreAndRepliesAgain() {
        seedProduct(book, 10);
        reserve(new StockLine(book, 4));

        kafka.send(new ConfirmReservation(orderId));
        kafka.send(new ConfirmReservation(orderId));

        assertThat(kafka.awaitMessages(orderId, ReservationConfirmed.class, 2)).hasSize(2);
        assertThat(stockOf(book)).isEqualTo(new StockLevels(6, 0, 4));
        assertThat(reservationStatus()).isEqualTo("CONFIRMED");
    }

    @Test
    void aConfirmAfterTheSaleWasUndoneSellsNothingAndIsNotAnswered() {
        seedProduct(book, 10);
        reserve(new StockLine(book, 4));
        kafka.send(new ConfirmReservation(orderId));
        kafka.send(new ReleaseInventory(orderId));
        kafka.awaitMessage(orderId, InventoryReleased.class);

        kafka.send(new ConfirmReservation(orderId));
        // A later command on the same partition proves the confirm was handled before it.
        kafka.send(new ReleaseInventory(orderId));
        kafka.awaitMessages(orderId, InventoryReleased.class, 2);

        assertThat(kafka.recordsFor(orderId.toString())).extracting(ReceivedRecord::type)
                .containsExactly("InventoryReserved", "ReservationConfirmed", "InventoryReleased", "InventoryReleased");
        assertThat(stockOf(book)).isEqualTo(new StockLevels(10, 0, 0));
    }

    private void reserve(StockLine... lines) {
        kafka.send(new ReserveInventory(orderId, List.of(lines)));
        kafka.awaitMessage(orderId, InventoryReserved.class);
    }

    private String reservationStatus() {
        return jdbc.queryForObject("SELECT status FROM reservations WHERE order_id = ?", String.class, orderId);
    }

    private int reservationCount() {
        return jdbc.queryForObject("SELECT count(*) FROM reservations WHERE order_id = ?", Integer.class, orderId);
    }

    private List<String> reservedLines() {
        return jdbc.queryForList(
                "SELECT sku || '=' || quantity FROM reservation_lines WHERE order_id = ? ORDER BY sku",
                String.class, orderId);
    }
}
