package dev.ordersaga.ops.dlt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Each criterion selects exactly what it names, and criteria combine with AND. */
class DeadLetterFilterTest {

    private static final String ORDER_A = "aaaaaaaa-0000-4000-8000-000000000001";
    private static final String ORDER_B = "bbbbbbbb-0000-4000-8000-000000000002";
    private static final String POISON = "dev.ordersaga.messaging.consumer.PoisonMessageException";
    private static final String LOCK = "org.springframework.dao.CannotAcquireLockException";

    /** p0@0 A PlaceOrder poison 10:00, p0@1 B CancelOrder poison 10:01, p1@0 A-in-payload lock 10:02, p1@1 no key malformed 10:03. */
    private final List<DeadLetter> letters = List.of(
            Letters.letter("t-dlt", 0, 0).key(ORDER_A).value("{\"orderId\":\"" + ORDER_A + "\"}")
                    .header("message-type", "PlaceOrder").timestamp(at(0))
                    .deadLettered("t", 0, 5, "g", Letters.LISTENER_FAILED, POISON, "bad").build(),
            Letters.letter("t-dlt", 0, 1).key(ORDER_B).value("{\"orderId\":\"" + ORDER_B + "\"}")
                    .header("message-type", "CancelOrder").timestamp(at(1))
                    .deadLettered("t", 0, 6, "g", Letters.LISTENER_FAILED, POISON, "no handler").build(),
            Letters.letter("t-dlt", 1, 0).key("customer-7").value("{\"orderId\":\"" + ORDER_A + "\"}")
                    .header("message-type", "PlaceOrder").timestamp(at(2))
                    .deadLettered("t", 1, 9, "g", Letters.LISTENER_FAILED, LOCK, "lock").build(),
            Letters.letter("t-dlt", 1, 1).key(null).value(new byte[] {(byte) 0xff, 'x'})
                    .timestamp(at(3))
                    .deadLettered("t", 1, 10, "g", "java.lang.IllegalStateException", null, "?").build());

    @Test
    void noCriterionSelectsEverything() {
        assertThat(selected(f -> f)).containsExactly("t-dlt-0@0", "t-dlt-0@1", "t-dlt-1@0", "t-dlt-1@1");
    }

    @Test
    void partition() {
        assertThat(selected(f -> filter(1, null, null, null, null, null, null, null, null))).containsExactly("t-dlt-1@0", "t-dlt-1@1");
    }

    @Test
    void offsetRangeIsInclusive() {
        assertThat(selected(f -> filter(null, 1L, null, null, null, null, null, null, null))).containsExactly("t-dlt-0@1", "t-dlt-1@1");
        assertThat(selected(f -> filter(null, null, 0L, null, null, null, null, null, null))).containsExactly("t-dlt-0@0", "t-dlt-1@0");
        assertThat(selected(f -> filter(0, 1L, 1L, null, null, null, null, null, null))).containsExactly("t-dlt-0@1");
    }

    @Test
    void timeRangeIsInclusiveOnTheDeadLettersOwnTimestamp() {
        assertThat(selected(f -> filter(null, null, null, at(1), null, null, null, null, null)))
                .containsExactly("t-dlt-0@1", "t-dlt-1@0", "t-dlt-1@1");
        assertThat(selected(f -> filter(null, null, null, null, at(1), null, null, null, null)))
                .containsExactly("t-dlt-0@0", "t-dlt-0@1");
        assertThat(selected(f -> filter(null, null, null, at(1), at(2), null, null, null, null)))
                .containsExactly("t-dlt-0@1", "t-dlt-1@0");
    }

    @Test
    void keyExactly() {
        assertThat(selected(f -> filter(null, null, null, null, null, "customer-7", null, null, null))).containsExactly("t-dlt-1@0");
        assertThat(selected(f -> filter(null, null, null, null, null, "customer", null, null, null))).isEmpty();
    }

    @Test
    void orderIdMatchesTheKeyOrThePayload() {
        assertThat(selected(f -> filter(null, null, null, null, null, null, UUID.fromString(ORDER_A), null, null)))
                .containsExactly("t-dlt-0@0", "t-dlt-1@0");
        assertThat(selected(f -> filter(null, null, null, null, null, null, UUID.fromString(ORDER_B.toUpperCase()), null, null)))
                .containsExactly("t-dlt-0@1");
    }

    @Test
    void exceptionIsASubstringOfTheCauseClassIgnoringCase() {
        assertThat(selected(f -> filter(null, null, null, null, null, null, null, "poisonmessage", null)))
                .containsExactly("t-dlt-0@0", "t-dlt-0@1");
        assertThat(selected(f -> filter(null, null, null, null, null, null, null, "IllegalState", null)))
                .containsExactly("t-dlt-1@1");
        // Spring's wrapper is not the exception class when a cause is recorded.
        assertThat(selected(f -> filter(null, null, null, null, null, null, null, "ListenerExecutionFailed", null))).isEmpty();
    }

    @Test
    void typeExactly() {
        assertThat(selected(f -> filter(null, null, null, null, null, null, null, null, "PlaceOrder")))
                .containsExactly("t-dlt-0@0", "t-dlt-1@0");
        assertThat(selected(f -> filter(null, null, null, null, null, null, null, null, "placeorder"))).isEmpty();
    }

    @Test
    void criteriaCombine() {
        assertThat(selected(f -> filter(null, null, null, null, null, null, UUID.fromString(ORDER_A), "lock", "PlaceOrder")))
                .containsExactly("t-dlt-1@0");
    }

    @Test
    void readingBoundsFollowTheOffsetRange() {
        DeadLetterFilter filter = filter(null, 5L, 9L, null, null, null, null, null, null);

        assertThat(filter.startOffset(0)).isEqualTo(5);
        assertThat(filter.startOffset(7)).isEqualTo(7);
        assertThat(filter.endOffset(100)).isEqualTo(10);
        assertThat(filter.endOffset(8)).isEqualTo(8);
        assertThat(DeadLetterFilter.ALL.startOffset(3)).isEqualTo(3);
        assertThat(DeadLetterFilter.ALL.endOffset(42)).isEqualTo(42);
    }

    private List<String> selected(UnaryOperator<DeadLetterFilter> filter) {
        DeadLetterFilter chosen = filter.apply(DeadLetterFilter.ALL);
        return letters.stream().filter(chosen::matches).map(DeadLetter::coordinates).toList();
    }

    private static DeadLetterFilter filter(Integer partition, Long from, Long to, Instant since, Instant until, String key,
                                           UUID orderId, String exception, String type) {
        return new DeadLetterFilter(partition, from, to, since, until, key, orderId, exception, type);
    }

    private static Instant at(int minute) {
        return Instant.parse("2025-06-01T10:00:00Z").plusSeconds(60L * minute);
    }
}
