package dev.ordersaga.localstack.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InFlightGateTest {

    private static final Duration NO_WAIT = Duration.ZERO;

    @Test
    void noMoreInFlightThanTheLimit() throws InterruptedException {
        InFlightGate gate = new InFlightGate(2);

        assertThat(gate.enter(NO_WAIT)).isTrue();
        assertThat(gate.enter(NO_WAIT)).isTrue();
        assertThat(gate.enter(NO_WAIT)).isFalse();
        gate.leave();
        assertThat(gate.enter(NO_WAIT)).isTrue();
        assertThat(gate.inFlight()).isEqualTo(2);
    }

    @Test
    void raisingTheLimitLetsMoreInAtOnce() throws InterruptedException {
        InFlightGate gate = new InFlightGate(1);
        gate.enter(NO_WAIT);

        gate.limit(3);

        assertThat(gate.enter(NO_WAIT)).isTrue();
        assertThat(gate.enter(NO_WAIT)).isTrue();
        assertThat(gate.enter(NO_WAIT)).isFalse();
    }

    @Test
    void loweringTheLimitHoldsNewOrdersBackUntilEnoughHaveLeft() throws InterruptedException {
        InFlightGate gate = new InFlightGate(3);
        gate.enter(NO_WAIT);
        gate.enter(NO_WAIT);

        gate.limit(1);
        gate.leave();

        assertThat(gate.enter(NO_WAIT)).isFalse();
        gate.leave();
        assertThat(gate.enter(NO_WAIT)).isTrue();
    }

    @Test
    void leavingMoreOftenThanEnteringNeverMakesRoomBeyondTheLimit() throws InterruptedException {
        InFlightGate gate = new InFlightGate(1);
        gate.leave();

        assertThat(gate.enter(NO_WAIT)).isTrue();
        assertThat(gate.enter(NO_WAIT)).isFalse();
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> new InFlightGate(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
