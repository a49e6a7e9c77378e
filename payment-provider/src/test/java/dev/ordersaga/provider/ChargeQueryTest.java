package dev.ordersaga.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChargeQueryTest {

    @Test
    void noQueryListsEveryCapture() {
        assertThat(ChargeQuery.parse(null)).isEqualTo(new ChargeQuery(null, Integer.MAX_VALUE, null));
        assertThat(ChargeQuery.parse("")).isEqualTo(new ChargeQuery(null, Integer.MAX_VALUE, null));
    }

    @Test
    void readsEachParameterUrlDecoded() {
        assertThat(ChargeQuery.parse("idempotencyKey=charge-a%2Bb&limit=50&startingAfter=ch_1"))
                .isEqualTo(new ChargeQuery("charge-a+b", 50, "ch_1"));
    }

    @Test
    void refusesUnknownRepeatedEmptyAndOutOfRangeParameters() {
        assertThatThrownBy(() -> ChargeQuery.parse("idempotency_key=charge-1"))
                .hasMessage("unknown query parameter: idempotency_key");
        assertThatThrownBy(() -> ChargeQuery.parse("limit=1&limit=2")).hasMessage("limit is given twice");
        assertThatThrownBy(() -> ChargeQuery.parse("idempotencyKey=")).hasMessage("idempotencyKey needs a value");
        assertThatThrownBy(() -> ChargeQuery.parse("limit=0")).hasMessageStartingWith("limit must be between 1 and");
        assertThatThrownBy(() -> ChargeQuery.parse("limit=10001")).hasMessageStartingWith("limit must be between");
        assertThatThrownBy(() -> ChargeQuery.parse("limit=ten")).hasMessageStartingWith("limit must be between");
    }
}
