package dev.ordersaga.ops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderIdsTest {

    @Test
    void idsSortAsPostgresSortsThemByteByByteNotAsJavaDoes() {
        UUID low = UUID.fromString("00000000-0000-4000-8000-000000000001");
        UUID high = UUID.fromString("f0000000-0000-4000-8000-000000000001");

        assertThat(OrderIds.POSTGRES_ORDER.compare(low, high)).isNegative();
        assertThat(low.compareTo(high)).as("Java's own order, which the merge must not use").isPositive();
    }

    @Test
    void theOrderIsThatOfTheTextForm() {
        // PostgreSQL's uuid order is memcmp of the 16 bytes, which is the order of the lower-case hex text.
        Random random = new Random(42);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(new UUID(random.nextLong(), random.nextLong()));
        }

        List<UUID> byComparator = ids.stream().sorted(OrderIds.POSTGRES_ORDER).toList();
        List<UUID> byText = ids.stream().sorted(Comparator.comparing(UUID::toString)).toList();

        assertThat(byComparator).isEqualTo(byText);
    }
}
