package dev.ordersaga.ops.dlt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.ops.dlt.PlannedReplay.Action;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlannedReplayTest {

    private static final Set<String> TOPICS = Set.of("order.requests", "order.requests-dlt", "saga.replies");

    @Test
    void aDeadLetterGoesBackToItsOriginalTopic() {
        PlannedReplay item = plan(letterFrom("order.requests", 0), Set.of(), false);

        assertThat(item.action()).isEqualTo(Action.SEND);
        assertThat(item.target()).isEqualTo("order.requests");
    }

    @Test
    void onceReplayedItIsSkippedUnlessForced() {
        DeadLetter letter = letterFrom("order.requests", 3);
        Set<String> replayed = Set.of("order.requests-dlt:0:3");

        assertThat(plan(letter, replayed, false).action()).isEqualTo(Action.SKIP);
        assertThat(plan(letter, replayed, true).action()).isEqualTo(Action.SEND);
        assertThat(plan(letterFrom("order.requests", 4), replayed, false).action()).isEqualTo(Action.SEND);
    }

    @Test
    void aTargetThatDoesNotExistIsRefused() {
        PlannedReplay item = plan(letterFrom("order.gone", 0), Set.of(), false);

        assertThat(item.action()).isEqualTo(Action.REFUSE);
        assertThat(item.reason()).isEqualTo("target topic order.gone does not exist");
    }

    @Test
    void aDeadLetterTopicAsTargetIsRefused() {
        PlannedReplay item = plan(letterFrom("order.requests-dlt", 0), Set.of(), true);

        assertThat(item.action()).isEqualTo(Action.REFUSE);
        assertThat(item.reason()).isEqualTo("target order.requests-dlt is itself a dead-letter topic");
    }

    @Test
    void withoutAnOriginalTopicThereIsNoTarget() {
        PlannedReplay item = plan(Letters.letter("order.requests-dlt", 0, 0).build(), Set.of(), false);

        assertThat(item.action()).isEqualTo(Action.REFUSE);
        assertThat(item.reason()).isEqualTo("no kafka_dlt-original-topic header");
    }

    private static PlannedReplay plan(DeadLetter letter, Set<String> replayed, boolean force) {
        return PlannedReplay.plan(List.of(letter), replayed, force, TOPICS).get(0);
    }

    private static DeadLetter letterFrom(String originalTopic, long offset) {
        return Letters.letter("order.requests-dlt", 0, offset)
                .deadLettered(originalTopic, 0, offset, "g", Letters.LISTENER_FAILED, "java.lang.IllegalStateException", "x")
                .build();
    }
}
