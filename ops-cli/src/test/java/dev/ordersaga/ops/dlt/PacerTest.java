package dev.ordersaga.ops.dlt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {

    private long now = 1_000_000_000L;
    private final List<Long> sleeps = new ArrayList<>();

    private Pacer pacer(double perSecond) {
        return new Pacer(perSecond, () -> now, nanos -> {
            sleeps.add(nanos);
            now += nanos;
        });
    }

    @Test
    void theFirstRecordGoesAtOnceAndTheNextWaitItsTurn() throws InterruptedException {
        Pacer pacer = pacer(4);

        pacer.awaitTurn();
        pacer.awaitTurn();
        pacer.awaitTurn();

        assertThat(sleeps).containsExactly(250_000_000L, 250_000_000L);
    }

    @Test
    void timeSpentSendingCountsTowardsTheInterval() throws InterruptedException {
        Pacer pacer = pacer(2);

        pacer.awaitTurn();
        now += 400_000_000L;
        pacer.awaitTurn();
        now += 600_000_000L;
        pacer.awaitTurn();

        assertThat(sleeps).containsExactly(100_000_000L);
    }

    @Test
    void fractionalRatesAreSlowerThanOnePerSecond() throws InterruptedException {
        Pacer pacer = pacer(0.5);

        pacer.awaitTurn();
        pacer.awaitTurn();

        assertThat(sleeps).containsExactly(2_000_000_000L);
    }

    @Test
    void withoutARateNothingWaits() throws InterruptedException {
        Pacer.UNLIMITED.awaitTurn();
        Pacer.UNLIMITED.awaitTurn();

        assertThat(Pacer.perSecond(null)).isSameAs(Pacer.UNLIMITED);
    }
}
