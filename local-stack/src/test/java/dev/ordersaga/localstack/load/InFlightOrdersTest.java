package dev.ordersaga.localstack.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InFlightOrdersTest {

    private static final Duration NO_WAIT = Duration.ofMillis(1);

    @Test
    void noMoreSlotsThanTheLimit() throws InterruptedException {
        InFlightOrders inFlight = new InFlightOrders(2);

        assertThat(inFlight.takeSlot(NO_WAIT)).isTrue();
        assertThat(inFlight.takeSlot(NO_WAIT)).isTrue();
        assertThat(inFlight.takeSlot(NO_WAIT)).isFalse();
    }

    @Test
    void firstFinalEventFreesTheSlotAndGivesTheLatency() throws InterruptedException {
        InFlightOrders inFlight = new InFlightOrders(1);
        inFlight.takeSlot(NO_WAIT);
        inFlight.sent("order-1", 1_000);

        assertThat(inFlight.finished("order-1", 26_000)).hasValue(25_000);
        assertThat(inFlight.completed()).isEqualTo(1);
        assertThat(inFlight.outstanding()).isZero();
        assertThat(inFlight.takeSlot(NO_WAIT)).isTrue();
    }

    @Test
    void repeatedFinalEventIsCountedAsADuplicateAndFreesNothing() throws InterruptedException {
        InFlightOrders inFlight = new InFlightOrders(2);
        inFlight.takeSlot(NO_WAIT);
        inFlight.sent("order-1", 0);
        inFlight.finished("order-1", 10);
        inFlight.takeSlot(NO_WAIT);
        inFlight.takeSlot(NO_WAIT);

        assertThat(inFlight.finished("order-1", 20)).isEmpty();
        assertThat(inFlight.duplicateFinalEvents()).isEqualTo(1);
        assertThat(inFlight.completed()).isEqualTo(1);
        assertThat(inFlight.takeSlot(NO_WAIT)).isFalse();
    }

    @Test
    void finalEventOfAnOrderFromElsewhereIsIgnored() {
        InFlightOrders inFlight = new InFlightOrders(1);

        assertThat(inFlight.finished("not-ours", 10)).isEmpty();
        assertThat(inFlight.completed()).isZero();
        assertThat(inFlight.duplicateFinalEvents()).isZero();
    }

    @Test
    void failedSendFreesTheSlotAndIsNotOutstanding() throws InterruptedException {
        InFlightOrders inFlight = new InFlightOrders(1);
        inFlight.takeSlot(NO_WAIT);
        inFlight.sent("order-1", 0);

        inFlight.sendFailed("order-1");

        assertThat(inFlight.sendFailures()).isEqualTo(1);
        assertThat(inFlight.outstanding()).isZero();
        assertThat(inFlight.takeSlot(NO_WAIT)).isTrue();
    }

    @Test
    void allFinishedOnlyWhenNoOrderIsOutstanding() throws InterruptedException {
        InFlightOrders inFlight = new InFlightOrders(3);
        inFlight.takeSlot(NO_WAIT);
        inFlight.sent("order-1", 0);

        assertThat(inFlight.awaitAllFinished(NO_WAIT)).isFalse();

        inFlight.finished("order-1", 5);

        assertThat(inFlight.awaitAllFinished(NO_WAIT)).isTrue();
        assertThat(inFlight.awaitAllFinished(NO_WAIT)).as("asking again gives the same answer").isTrue();
    }
}
