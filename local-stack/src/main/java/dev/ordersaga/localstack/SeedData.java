package dev.ordersaga.localstack;

import dev.ordersaga.schema.Money;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What the stack loads into the services after they are up: products with stock (inventory-service
 * {@code PUT /products}) and customer accounts with a balance (payment-service {@code PUT /accounts}).
 * Both endpoints are upserts, so seeding an existing data directory again resets these rows.
 */
public record SeedData(List<Product> products, List<Account> accounts) {

    public static final int STANDARD_PRODUCTS = 20;
    public static final int STANDARD_CUSTOMERS = 50;

    public SeedData {
        products = List.copyOf(products);
        accounts = List.copyOf(accounts);
    }

    /**
     * 20 products (SKU-0001.., 100,000 units each) and 50 customers (customer-0001.., 1,000,000.00 EUR
     * each): room for many thousands of demo orders.
     */
    public static SeedData standard() {
        List<Product> products = IntStream.rangeClosed(1, STANDARD_PRODUCTS)
                .mapToObj(i -> new Product("SKU-%04d".formatted(i), "Widget " + i, 100_000))
                .toList();
        List<Account> accounts = IntStream.rangeClosed(1, STANDARD_CUSTOMERS)
                .mapToObj(i -> new Account("customer-%04d".formatted(i), Money.of(100_000_000L, "EUR")))
                .toList();
        return new SeedData(products, accounts);
    }

    /** Nothing to seed. */
    public static SeedData none() {
        return new SeedData(List.of(), List.of());
    }

    public List<String> skus() {
        return products.stream().map(Product::sku).toList();
    }

    public List<String> customerIds() {
        return accounts.stream().map(Account::customerId).toList();
    }

    /** A product and the stock that is free to reserve. */
    public record Product(String sku, String name, long available) {
    }

    /** A customer's account and its balance. */
    public record Account(String customerId, Money balance) {
    }
}
