package dev.ordersaga.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorTest {

    @Test
    void theFlagComesFirst() {
        assertThat(Operator.resolve("alice", Map.of("ORDERSAGA_OPERATOR", "bob", "USER", "carol"))).isEqualTo("alice");
    }

    @Test
    void thenTheOperatorVariable() {
        assertThat(Operator.resolve(null, Map.of("ORDERSAGA_OPERATOR", "bob", "USER", "carol"))).isEqualTo("bob");
    }

    @Test
    void thenTheLoginName() {
        assertThat(Operator.resolve("  ", Map.of("ORDERSAGA_OPERATOR", "", "USER", "carol"))).isEqualTo("carol");
    }

    @Test
    void elseUnknown() {
        assertThat(Operator.resolve(null, Map.of())).isEqualTo("unknown");
    }
}
