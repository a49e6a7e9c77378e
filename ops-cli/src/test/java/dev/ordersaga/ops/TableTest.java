package dev.ordersaga.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void columnsAreAsWideAsTheirWidestCellAndNumbersAlignRight() {
        String text = new Table("TOPIC", "RECORDS", "NOTE")
                .alignRight(1)
                .row("order.requests-dlt", 3, "x")
                .row("a-dlt", 120, null)
                .format();

        assertThat(text).isEqualTo("""
                TOPIC               RECORDS  NOTE
                order.requests-dlt        3  x
                a-dlt                   120  -
                """);
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsABug() {
        assertThatThrownBy(() -> new Table("A", "B").row("only one"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
