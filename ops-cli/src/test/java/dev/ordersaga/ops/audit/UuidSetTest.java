package dev.ordersaga.ops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidSetTest {

    @Test
    void holdsWhatWasAddedOnceThroughEveryGrowth() {
        UuidSet set = new UuidSet();
        List<UUID> added = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            UUID id = UUID.randomUUID();
            added.add(id);
            set.add(id);
        }
        added.forEach(set::add);

        assertThat(set.size()).isEqualTo(5_000);
        assertThat(added).allMatch(set::contains);
        assertThat(set.contains(UUID.randomUUID())).isFalse();
    }

    @Test
    void idsThatDifferInOneHalfOnlyAreDistinct() {
        UuidSet set = new UuidSet();
        set.add(new UUID(1, 2));
        set.add(new UUID(2, 1));
        set.add(new UUID(0, 0));

        assertThat(set.size()).isEqualTo(3);
        assertThat(set.contains(new UUID(1, 2))).isTrue();
        assertThat(set.contains(new UUID(0, 0))).isTrue();
        assertThat(set.contains(new UUID(1, 1))).isFalse();
    }
}
