package dev.ordersaga.inventory.reservation;

import dev.ordersaga.inventory.product.Product;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The products one command touches, by SKU. */
final class Stock {

    private final Map<String, Product> bySku = new LinkedHashMap<>();

    private Stock(List<Product> products) {
        products.forEach(product -> bySku.put(product.getSku(), product));
    }

    static Stock of(List<Product> products) {
        return new Stock(products);
    }

    Optional<Product> find(String sku) {
        return Optional.ofNullable(bySku.get(sku));
    }

    /** A product a reservation line refers to; the foreign key guarantees it exists. */
    Product get(String sku) {
        return find(sku).orElseThrow(() -> new IllegalStateException("No product " + sku + " for a reserved line"));
    }
}
