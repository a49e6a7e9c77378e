package dev.ordersaga.inventory.reservation;

import dev.ordersaga.schema.inventory.InventoryUnavailable.Shortage;
import dev.ordersaga.support.persistence.AuditedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The stock held for one order, at most one per order. Its state machine moves the units between the
 * products' buckets: reserve (available -> reserved), confirm (reserved -> sold), release (reserved ->
 * available, or sold -> available when the order was confirmed and then cancelled). Only a RESERVED
 * reservation can be confirmed; RELEASED is final.
 */
@Entity
@Table(name = "reservations")
class Reservation extends AuditedEntity<UUID> {

    @Id
    @Column(name = "order_id")
    private UUID orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReservationStatus status;

    @ElementCollection
    @CollectionTable(name = "reservation_lines", joinColumns = @JoinColumn(name = "order_id"))
    @OrderBy("sku")
    private List<ReservationLine> lines = new ArrayList<>();

    @Version
    private long version;

    protected Reservation() {
    }

    private Reservation(UUID orderId, ReservationStatus status, List<ReservationLine> lines) {
        this.orderId = orderId;
        this.status = status;
        this.lines = new ArrayList<>(lines);
    }

    /**
     * Reserves every line or none.
     *
     * @throws IllegalStateException when a line is short: callers check {@link OrderLines#shortagesIn} first
     */
    static Reservation reserve(UUID orderId, OrderLines lines, Stock stock) {
        List<Shortage> shortages = lines.shortagesIn(stock);
        if (!shortages.isEmpty()) {
            throw new IllegalStateException("Order " + orderId + " cannot be reserved: " + shortages);
        }
        lines.forEach((sku, quantity) -> stock.get(sku).reserve(quantity));
        return new Reservation(orderId, ReservationStatus.RESERVED, lines.toReservationLines());
    }

    /**
     * Records that the order was released before anything was reserved, so that a reserve arriving late
     * (e.g. replayed from a dead-letter topic after compensation) finds the order closed and holds nothing.
     */
    static Reservation releasedBeforeReserving(UUID orderId) {
        return new Reservation(orderId, ReservationStatus.RELEASED, List.of());
    }

    /** reserved -> sold for every line. */
    void confirm(Stock stock) {
        requireReserved("confirm");
        lines.forEach(line -> stock.get(line.sku()).confirm(line.quantity()));
        status = ReservationStatus.CONFIRMED;
    }

    /**
     * Gives every line back to available: the held units of a RESERVED reservation, or the sold units of a
     * CONFIRMED one, whose sale is undone (the order was cancelled after its stock was confirmed).
     */
    void release(Stock stock) {
        switch (status) {
            case RESERVED -> lines.forEach(line -> stock.get(line.sku()).release(line.quantity()));
            case CONFIRMED -> lines.forEach(line -> stock.get(line.sku()).undoSale(line.quantity()));
            case RELEASED -> throw new IllegalStateException("Reservation " + orderId + " is already released");
        }
        status = ReservationStatus.RELEASED;
    }

    private void requireReserved(String transition) {
        if (status != ReservationStatus.RESERVED) {
            throw new IllegalStateException("Cannot " + transition + " reservation " + orderId + " in state " + status);
        }
    }

    Set<String> skus() {
        return lines.stream().map(ReservationLine::sku).collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public UUID getId() {
        return orderId;
    }

    UUID orderId() {
        return orderId;
    }

    ReservationStatus status() {
        return status;
    }

    List<ReservationLine> lines() {
        return List.copyOf(lines);
    }
}
