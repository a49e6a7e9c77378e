package dev.ordersaga.inventory.product;

import dev.ordersaga.support.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One SKU's stock in three buckets. Reservations only move units between buckets, so
 * {@code available + reserved + sold} changes only when the catalogue is imported.
 */
@Entity
@Table(name = "products")
public class Product extends AuditedEntity<String> {

    @Id
    private String sku;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private int available;

    @Column(nullable = false)
    private int reserved;

    @Column(nullable = false)
    private int sold;

    // Concurrent reservations of the same SKU: the later commit fails and the library retries it.
    @Version
    private long version;

    protected Product() {
    }

    public Product(String sku, String name, int available) {
        if (available < 0) {
            throw new IllegalArgumentException("available must not be negative: " + available);
        }
        this.sku = sku;
        this.name = name;
        this.available = available;
    }

    public boolean canReserve(int quantity) {
        return requirePositive(quantity) <= available;
    }

    /** available -> reserved. */
    public void reserve(int quantity) {
        if (!canReserve(quantity)) {
            throw new IllegalStateException(
                    "Cannot reserve " + quantity + " of " + sku + ": only " + available + " available");
        }
        available -= quantity;
        reserved += quantity;
    }

    /** reserved -> available: a compensation gives the units back. */
    public void release(int quantity) {
        requireReserved(quantity);
        reserved -= quantity;
        available += quantity;
    }

    /** reserved -> sold: the order was approved. */
    public void confirm(int quantity) {
        requireReserved(quantity);
        reserved -= quantity;
        sold += quantity;
    }

    /** sold -> available: a compensation undoes the sale of an order that was confirmed, then cancelled. */
    public void undoSale(int quantity) {
        if (requirePositive(quantity) > sold) {
            throw new IllegalStateException(
                    "Cannot undo the sale of " + quantity + " of " + sku + ": only " + sold + " sold");
        }
        sold -= quantity;
        available += quantity;
    }

    // More than is reserved would mean a reservation and the counters disagree: refuse rather than go negative.
    private void requireReserved(int quantity) {
        if (requirePositive(quantity) > reserved) {
            throw new IllegalStateException("Cannot take " + quantity + " of " + sku
                    + " out of reserved stock: only " + reserved + " reserved");
        }
    }

    private static int requirePositive(int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
        return quantity;
    }

    @Override
    public String getId() {
        return sku;
    }

    public String getSku() {
        return sku;
    }

    public String getName() {
        return name;
    }

    public int getAvailable() {
        return available;
    }

    public int getReserved() {
        return reserved;
    }

    public int getSold() {
        return sold;
    }

    public long getVersion() {
        return version;
    }
}
