package dev.ordersaga.order.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** One line of an {@link Order}; part of the aggregate, never loaded or saved on its own. Immutable once placed. */
@Entity
@Table(name = "order_lines")
@IdClass(OrderLine.Key.class)
public class OrderLine {

    @Id
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    private Order order;

    /** 1-based position in the order as placed. */
    @Id
    @Column(name = "line_no", updatable = false)
    private int lineNo;

    @Column(name = "sku", nullable = false, length = 64, updatable = false)
    private String sku;

    @Column(name = "quantity", nullable = false, updatable = false)
    private int quantity;

    @Column(name = "unit_price", nullable = false, updatable = false)
    private long unitPrice;

    protected OrderLine() {
        // for JPA
    }

    OrderLine(Order order, int lineNo, NewLine line) {
        this.order = order;
        this.lineNo = lineNo;
        this.sku = line.sku();
        this.quantity = line.quantity();
        this.unitPrice = line.unitPrice();
    }

    /** quantity x unit price; the validator guarantees it fits before an order is placed. */
    long lineTotal() {
        return Math.multiplyExact(quantity, unitPrice);
    }

    public int getLineNo() {
        return lineNo;
    }

    public String getSku() {
        return sku;
    }

    public int getQuantity() {
        return quantity;
    }

    /** In minor units of the order's currency. */
    public long getUnitPrice() {
        return unitPrice;
    }

    /** The composite primary key (order_id, line_no); field names mirror the {@code @Id} attributes. */
    public static class Key implements Serializable {

        private UUID order;
        private int lineNo;

        public Key() {
            // for JPA
        }

        public Key(UUID order, int lineNo) {
            this.order = order;
            this.lineNo = lineNo;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && lineNo == key.lineNo && Objects.equals(order, key.order);
        }

        @Override
        public int hashCode() {
            return Objects.hash(order, lineNo);
        }
    }
}
