package dev.ordersaga.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FaultInjectorTest {

    private final Counters counters = new Counters();
    private final FaultInjector faults = new FaultInjector(Behaviour.normal(), counters);

    @Test
    void normalBehaviourLetsEveryCallThrough() throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            assertThat(faults.intercept()).isEmpty();
        }
        assertThat(counters.snapshot().injectedFailures()).isZero();
    }

    @Test
    void aFailureRateOfOneFailsEveryCallWithTheConfiguredStatus() throws InterruptedException {
        faults.behaviour(Behaviour.normal().withFailures(1.0, 502));

        for (int i = 0; i < 5; i++) {
            assertThat(faults.intercept()).map(Reply::status).contains(502);
        }
        assertThat(counters.snapshot().injectedFailures()).isEqualTo(5);
    }

    @Test
    void theSameSeedGivesTheSameSequenceOfFailures() throws InterruptedException {
        Behaviour seeded = Behaviour.normal().withFailures(0.5, 503).withSeed(42);

        faults.behaviour(seeded);
        List<Boolean> first = failures(40);
        faults.behaviour(seeded);
        List<Boolean> second = failures(40);

        assertThat(second).isEqualTo(first);
        assertThat(first).contains(true, false);
        assertThat(counters.snapshot().injectedFailures()).isEqualTo(2 * first.stream().filter(f -> f).count());
    }

    @Test
    void aTimeoutHangsThenAnswers504() throws InterruptedException {
        faults.behaviour(Behaviour.normal().withTimeouts(1.0, 50));

        long started = System.nanoTime();
        Optional<Reply> reply = faults.intercept();

        assertThat(reply).map(Reply::status).contains(504);
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(50);
        assertThat(counters.snapshot().timeouts()).isEqualTo(1);
    }

    private List<Boolean> failures(int calls) throws InterruptedException {
        List<Boolean> failed = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            failed.add(faults.intercept().isPresent());
        }
        return failed;
    }
}
