package dev.ordersaga.inventory.reservation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** Units of one SKU held for an order. */
@Embeddable
class ReservationLine {

    @Column(name = "sku", nullable = false)
    private String sku;

    @Column(name = "quantity", nullable = false)
    private int quantity;

    protected ReservationLine() {
    }

    ReservationLine(String sku, int quantity) {
        this.sku = sku;
        this.quantity = quantity;
    }

    String sku() {
        return sku;
    }

    int quantity() {
        return quantity;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReservationLine line && quantity == line.quantity && sku.equals(line.sku);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sku, quantity);
    }

    @Override
    public String toString() {
        return sku + " x" + quantity;
    }
}
