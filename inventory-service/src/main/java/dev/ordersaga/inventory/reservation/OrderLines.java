package dev.ordersaga.inventory.reservation;

import dev.ordersaga.schema.StockLine;
import dev.ordersaga.schema.inventory.InventoryUnavailable.Shortage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.ToIntFunction;

/**
 * An order's requested quantities, one per SKU (duplicates merged) and sorted by SKU, so that every
 * transaction reads and writes the rows of a multi-line order in the same order.
 */
final class OrderLines {

    private final SortedMap<String, Integer> quantities;

    private OrderLines(SortedMap<String, Integer> quantities) {
        this.quantities = Collections.unmodifiableSortedMap(quantities);
    }

    /** @throws IllegalArgumentException for no lines, a blank SKU or a quantity below 1: a malformed command */
    static OrderLines merge(List<StockLine> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new IllegalArgumentException("An order to reserve needs at least one line");
        }
        SortedMap<String, Integer> quantities = new TreeMap<>();
        for (StockLine line : lines) {
            if (line == null || line.sku() == null || line.sku().isBlank()) {
                throw new IllegalArgumentException("Every line needs a SKU: " + lines);
            }
            if (line.quantity() <= 0) {
                throw new IllegalArgumentException(
                        "Quantity of " + line.sku() + " must be positive: " + line.quantity());
            }
            quantities.merge(line.sku(), line.quantity(), Math::addExact);
        }
        return new OrderLines(quantities);
    }

    Set<String> skus() {
        return quantities.keySet();
    }

    /** In SKU order. */
    void forEach(BiConsumer<String, Integer> action) {
        quantities.forEach(action);
    }

    /** Every line the stock cannot cover; an unknown SKU has nothing available. */
    List<Shortage> shortagesIn(Stock stock) {
        return shortagesBy(sku -> stock.find(sku).map(product -> product.getAvailable()).orElse(0));
    }

    /** Every line the units available by SKU cannot cover; an SKU without an entry has nothing available. */
    List<Shortage> shortagesIn(Map<String, Integer> availableBySku) {
        return shortagesBy(sku -> availableBySku.getOrDefault(sku, 0));
    }

    private List<Shortage> shortagesBy(ToIntFunction<String> availableOf) {
        List<Shortage> shortages = new ArrayList<>();
        quantities.forEach((sku, quantity) -> {
            int available = availableOf.applyAsInt(sku);
            if (quantity > available) {
                shortages.add(new Shortage(sku, quantity, available));
            }
        });
        return shortages;
    }

    List<ReservationLine> toReservationLines() {
        List<ReservationLine> lines = new ArrayList<>();
        quantities.forEach((sku, quantity) -> lines.add(new ReservationLine(sku, quantity)));
        return lines;
    }
}
