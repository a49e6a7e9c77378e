package dev.ordersaga.inventory.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProductTest {

    private final Product product = new Product("BOOK-1", "A book", 10);

    @Test
    void reserveMovesUnitsFromAvailableToReserved() {
        product.reserve(3);

        assertStock(7, 3, 0);
    }

    @Test
    void reserveRefusesMoreThanAvailableAndChangesNothing() {
        assertThat(product.canReserve(11)).isFalse();
        assertThatThrownBy(() -> product.reserve(11)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only 10 available");

        assertStock(10, 0, 0);
    }

    @Test
    void reserveAcceptsExactlyWhatIsAvailable() {
        assertThat(product.canReserve(10)).isTrue();

        product.reserve(10);

        assertStock(0, 10, 0);
    }

    @Test
    void releaseMovesUnitsFromReservedBackToAvailable() {
        product.reserve(4);

        product.release(4);

        assertStock(10, 0, 0);
    }

    @Test
    void confirmMovesUnitsFromReservedToSold() {
        product.reserve(4);

        product.confirm(3);

        assertStock(6, 1, 3);
    }

    @Test
    void undoSaleMovesUnitsFromSoldBackToAvailable() {
        product.reserve(4);
        product.confirm(4);

        product.undoSale(4);

        assertStock(10, 0, 0);
    }

    @Test
    void undoSaleRefusesMoreThanWasSold() {
        product.reserve(4);
        product.confirm(2);

        assertThatThrownBy(() -> product.undoSale(3)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only 2 sold");
        assertStock(6, 2, 2);
    }

    @Test
    void releaseAndConfirmRefuseMoreThanIsReserved() {
        product.reserve(2);

        assertThatThrownBy(() -> product.release(3)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> product.confirm(3)).isInstanceOf(IllegalStateException.class);
        assertStock(8, 2, 0);
    }

    @Test
    void quantitiesMustBePositive() {
        assertThatThrownBy(() -> product.reserve(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> product.release(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> product.confirm(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> product.undoSale(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stockIsConservedAcrossEveryMove() {
        product.reserve(5);
        product.confirm(2);
        product.release(3);
        product.reserve(1);
        product.undoSale(1);

        assertThat(product.getAvailable() + product.getReserved() + product.getSold()).isEqualTo(10);
        assertStock(8, 1, 1);
    }

    @Test
    void negativeInitialStockIsRefused() {
        assertThatThrownBy(() -> new Product("X", "x", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    private void assertStock(int available, int reserved, int sold) {
        assertThat(product.getAvailable()).as("available").isEqualTo(available);
        assertThat(product.getReserved()).as("reserved").isEqualTo(reserved);
        assertThat(product.getSold()).as("sold").isEqualTo(sold);
    }
}
