package dev.ordersaga.inventory.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordersaga.inventory.product.Product;
import dev.ordersaga.schema.StockLine;
import dev.ordersaga.schema.inventory.InventoryUnavailable.Shortage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderLinesTest {

    @Test
    void mergesDuplicateSkusAndSortsBySku() {
        OrderLines lines = OrderLines.merge(List.of(
                new StockLine("MUG", 1), new StockLine("BOOK", 2), new StockLine("MUG", 3)));

        List<String> visited = new ArrayList<>();
        lines.forEach((sku, quantity) -> visited.add(sku + "=" + quantity));

        assertThat(visited).containsExactly("BOOK=2", "MUG=4");
        assertThat(lines.skus()).containsExactly("BOOK", "MUG");
        assertThat(lines.toReservationLines())
                .containsExactly(new ReservationLine("BOOK", 2), new ReservationLine("MUG", 4));
    }

    @Test
    void shortagesNameEveryLineTheStockCannotCoverWithWhatWasAvailable() {
        Stock stock = Stock.of(List.of(new Product("BOOK", "book", 5), new Product("MUG", "mug", 1)));
        OrderLines lines = OrderLines.merge(List.of(
                new StockLine("BOOK", 5), new StockLine("MUG", 2), new StockLine("PEN", 1)));

        assertThat(lines.shortagesIn(stock)).containsExactly(
                new Shortage("MUG", 2, 1),
                new Shortage("PEN", 1, 0));
    }

    @Test
    void mergedQuantityIsWhatCountsForAShortage() {
        Stock stock = Stock.of(List.of(new Product("BOOK", "book", 3)));

        OrderLines lines = OrderLines.merge(List.of(new StockLine("BOOK", 2), new StockLine("BOOK", 2)));

        assertThat(lines.shortagesIn(stock)).containsExactly(new Shortage("BOOK", 4, 3));
    }

    @Test
    void refusesMalformedLines() {
        assertThatThrownBy(() -> OrderLines.merge(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderLines.merge(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderLines.merge(List.of(new StockLine(" ", 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderLines.merge(List.of(new StockLine("BOOK", 0))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
