package dev.ordersaga.ops.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * Stock is conserved: every unit moves between a product's buckets through a reservation (reserve: available to
 * reserved; confirm: reserved to sold; release: back to available), so a product's {@code reserved} must equal
 * the quantity on its RESERVED reservations, its {@code sold} the quantity on its CONFIRMED ones, and no counter
 * may be negative. (Only the catalogue import changes {@code available} by itself.)
 */
final class StockRules {

    private StockRules() {
    }

    static List<Finding> check(ProductRow product) {
        List<Finding> findings = new ArrayList<>();
        String sku = product.sku();
        if (product.reserved() != product.heldReserved()) {
            findings.add(Finding.stock(sku, "reserved " + product.reserved() + ", but RESERVED reservations hold "
                    + product.heldReserved()));
        }
        if (product.sold() != product.heldSold()) {
            findings.add(Finding.stock(sku, "sold " + product.sold() + ", but CONFIRMED reservations hold "
                    + product.heldSold()));
        }
        negative(sku, "available", product.available(), findings);
        negative(sku, "reserved", product.reserved(), findings);
        negative(sku, "sold", product.sold(), findings);
        return findings;
    }

    private static void negative(String sku, String counter, long value, List<Finding> findings) {
        if (value < 0) {
            findings.add(Finding.stock(sku, counter + " is negative: " + value));
        }
    }
}
