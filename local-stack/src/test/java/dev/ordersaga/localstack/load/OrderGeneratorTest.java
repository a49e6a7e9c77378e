package dev.ordersaga.localstack.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.schema.intake.PlaceOrder;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OrderGeneratorTest {

    private static final List<String> SKUS = List.of("SKU-0001", "SKU-0002", "SKU-0003", "SKU-0004");
    private static final List<String> CUSTOMERS = List.of("customer-0001", "customer-0002");

    @Test
    void ordersAreValidRequestsOverTheSeededCatalogue() {
        OrderGenerator generator = new OrderGenerator(SKUS, CUSTOMERS, new Random(42));

        List<PlaceOrder> orders = IntStream.range(0, 500).mapToObj(i -> generator.next()).toList();

        assertThat(orders).allSatisfy(order -> {
            assertThat(order.orderId()).isNotNull();
            assertThat(order.customerId()).isIn(CUSTOMERS);
            assertThat(order.currency()).isEqualTo("EUR");
            assertThat(order.lines()).hasSizeBetween(1, 3);
            assertThat(order.lines()).extracting(PlaceOrder.Line::sku).doesNotHaveDuplicates().allMatch(SKUS::contains);
            assertThat(order.lines()).allSatisfy(line -> {
                assertThat(line.quantity()).isBetween(1, 3);
                assertThat(line.unitPrice()).isEqualTo(OrderGenerator.unitPrice(line.sku())).isPositive();
            });
        });
        assertThat(orders).extracting(order -> order.lines().size()).contains(1, 2, 3);
        assertThat(orders).extracting(PlaceOrder::orderId).doesNotHaveDuplicates();
    }
}
