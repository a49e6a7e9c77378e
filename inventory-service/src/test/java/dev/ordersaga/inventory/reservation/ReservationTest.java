package dev.ordersaga.inventory.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordersaga.inventory.product.Product;
import dev.ordersaga.schema.StockLine;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReservationTest {

    private final UUID orderId = UUID.randomUUID();
    private final Product book = new Product("BOOK", "book", 10);
    private final Product mug = new Product("MUG", "mug", 2);
    private final Stock stock = Stock.of(List.of(book, mug));

    @Test
    void reserveHoldsEveryLine() {
        Reservation reservation = reserve(new StockLine("MUG", 2), new StockLine("BOOK", 3));

        assertThat(reservation.status()).isEqualTo(ReservationStatus.RESERVED);
        assertThat(reservation.lines()).containsExactly(new ReservationLine("BOOK", 3), new ReservationLine("MUG", 2));
        assertThat(book.getAvailable()).isEqualTo(7);
        assertThat(book.getReserved()).isEqualTo(3);
        assertThat(mug.getAvailable()).isZero();
        assertThat(mug.getReserved()).isEqualTo(2);
    }

    @Test
    void reserveWithOneShortLineHoldsNothing() {
        assertThatThrownBy(() -> reserve(new StockLine("BOOK", 3), new StockLine("MUG", 3)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MUG");

        assertThat(book.getAvailable()).isEqualTo(10);
        assertThat(book.getReserved()).isZero();
        assertThat(mug.getAvailable()).isEqualTo(2);
    }

    @Test
    void confirmSellsTheReservedUnits() {
        Reservation reservation = reserve(new StockLine("BOOK", 3));

        reservation.confirm(stock);

        assertThat(reservation.status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(book.getReserved()).isZero();
        assertThat(book.getSold()).isEqualTo(3);
        assertThat(book.getAvailable()).isEqualTo(7);
    }

    @Test
    void releaseGivesTheReservedUnitsBack() {
        Reservation reservation = reserve(new StockLine("BOOK", 3), new StockLine("MUG", 1));

        reservation.release(stock);

        assertThat(reservation.status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(book.getAvailable()).isEqualTo(10);
        assertThat(book.getReserved()).isZero();
        assertThat(mug.getAvailable()).isEqualTo(2);
    }

    @Test
    void releasingAConfirmedReservationUndoesTheSale() {
        Reservation reservation = reserve(new StockLine("BOOK", 3), new StockLine("MUG", 1));
        reservation.confirm(stock);

        reservation.release(stock);

        assertThat(reservation.status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(book.getAvailable()).isEqualTo(10);
        assertThat(book.getReserved()).isZero();
        assertThat(book.getSold()).isZero();
        assertThat(mug.getAvailable()).isEqualTo(2);
        assertThat(mug.getSold()).isZero();
    }

    @Test
    void onlyAReservedReservationCanBeConfirmedAndAReleasedOneMovesNoMore() {
        Reservation confirmed = reserve(new StockLine("BOOK", 1));
        confirmed.confirm(stock);
        Reservation released = reserve(new StockLine("MUG", 1));
        released.release(stock);

        assertThatThrownBy(() -> confirmed.confirm(stock)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> released.confirm(stock)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> released.release(stock)).isInstanceOf(IllegalStateException.class);
        assertThat(book.getSold()).isEqualTo(1);
        assertThat(mug.getAvailable()).isEqualTo(2);
        assertThat(mug.getReserved()).isZero();
    }

    @Test
    void releasedBeforeReservingIsAClosedReservationWithoutStock() {
        Reservation closed = Reservation.releasedBeforeReserving(orderId);

        assertThat(closed.status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(closed.lines()).isEmpty();
        assertThatThrownBy(() -> closed.confirm(stock)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> closed.release(stock)).isInstanceOf(IllegalStateException.class);
    }

    private Reservation reserve(StockLine... lines) {
        return Reservation.reserve(orderId, OrderLines.merge(List.of(lines)), stock);
    }
}
