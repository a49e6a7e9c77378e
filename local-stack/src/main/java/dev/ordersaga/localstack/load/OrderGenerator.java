package dev.ordersaga.localstack.load;

import dev.ordersaga.schema.intake.PlaceOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Random valid orders over the seeded catalogue: 1-3 distinct products, 1-3 units each, in EUR. */
final class OrderGenerator {

    static final String CURRENCY = "EUR";

    private final List<String> skus;
    private final List<String> customerIds;
    private final Random random;

    OrderGenerator(List<String> skus, List<String> customerIds, Random random) {
        if (skus.isEmpty() || customerIds.isEmpty()) {
            throw new IllegalArgumentException("The load needs seeded products and customers");
        }
        this.skus = List.copyOf(skus);
        this.customerIds = List.copyOf(customerIds);
        this.random = random;
    }

    PlaceOrder next() {
        int lineCount = 1 + random.nextInt(Math.min(3, skus.size()));
        List<String> remaining = new ArrayList<>(skus);
        List<PlaceOrder.Line> lines = new ArrayList<>(lineCount);
        for (int i = 0; i < lineCount; i++) {
            int pick = random.nextInt(remaining.size());
            String sku = remaining.remove(pick);
            lines.add(new PlaceOrder.Line(sku, 1 + random.nextInt(3), unitPrice(sku)));
        }
        String customerId = customerIds.get(random.nextInt(customerIds.size()));
        return new PlaceOrder(UUID.randomUUID(), customerId, CURRENCY, List.copyOf(lines));
    }

    // A stable price per product (1.99 to 21.99 EUR), so that orders look like a real catalogue.
    static long unitPrice(String sku) {
        return 199 + 100L * Math.floorMod(sku.hashCode(), 21);
    }
}
