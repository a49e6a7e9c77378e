package dev.ordersaga.orchestrator.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import dev.ordersaga.messaging.outbox.Outbox;
import dev.ordersaga.orchestrator.saga.CreateOrderSaga;
import dev.ordersaga.orchestrator.saga.OrderSagaData;
import dev.ordersaga.orchestrator.saga.RetryPolicy;
import dev.ordersaga.orchestrator.saga.SagaEngine;
import dev.ordersaga.orchestrator.saga.SagaState;
import dev.ordersaga.orchestrator.saga.TransientRetryBudget;
import dev.ordersaga.orchestrator.saga.Transition;
import dev.ordersaga.schema.Money;
import dev.ordersaga.schema.StockLine;
import dev.ordersaga.schema.inventory.InventoryReserved;
import dev.ordersaga.schema.payment.PaymentUnavailable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** When the saga's deadline falls, and what is left of a step's transient retry budget, as time passes. */
class SagaTransitionsTest {

    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");
    private static final UUID ORDER_ID = UUID.fromString("6a4b1f2e-0c3d-4e5f-8a9b-0c1d2e3f4a5b");
    private static final OrderSagaData DATA = new OrderSagaData(ORDER_ID, "customer-1",
            List.of(new StockLine("SKU-1", 1)), Money.of(1_000, "EUR"), null);
    private static final RetryPolicy POLICY = new RetryPolicy(3);

    private final SettableClock clock = new SettableClock();
    private final SagaEngine<OrderSagaData> engine = new SagaEngine<>(CreateOrderSaga.DEFINITION);
    // transient retries after 2 s, 4 s, 8 s ...; a 10 s budget for charge-payment
    private final SagaTransitions transitions = new SagaTransitions(mock(SagaStore.class),
            new SagaProperties(Duration.ofSeconds(30), Map.of(), 3, 2.0, Duration.ofMinutes(5), Duration.ofSeconds(2),
                    Duration.ofMinutes(2), Map.of("charge-payment", Duration.ofSeconds(10)), Duration.ofSeconds(1),
                    100),
            mock(SagaMetrics.class), mock(Outbox.class), clock);

    @Test
    void aRetryWaitsItsBackedOffDelayButNeverPastTheEndOfTheStepsBudget() {
        SagaInstance saga = chargingSince(START);

        assertThat(unavailableAt(saga, 1).getStepDeadline()).isEqualTo(START.plusSeconds(3));
        retryAt(saga, 3);
        assertThat(unavailableAt(saga, 4).getStepDeadline()).isEqualTo(START.plusSeconds(8));
        retryAt(saga, 8);
        // the third try would wait 8 s, until 17 s: the budget ends at 10 s, and so does the wait
        assertThat(unavailableAt(saga, 9).getStepDeadline()).isEqualTo(START.plusSeconds(10));
        retryAt(saga, 10);

        assertThat(saga.getStepStartedAt()).as("retries do not restart the step").isEqualTo(START);
        assertThat(saga.getAttempts()).isEqualTo(1);
        clock.set(START.plusMillis(9_999));
        assertThat(budgetOf(saga)).isEqualTo(TransientRetryBudget.left(Duration.ofSeconds(10)));
        clock.set(START.plusSeconds(10));
        assertThat(budgetOf(saga)).isEqualTo(TransientRetryBudget.spent(Duration.ofSeconds(10)));
    }

    @Test
    void theBudgetRunsFromTheStepsFirstSendNotFromTheSagasStart() {
        clock.set(START);
        SagaInstance saga = transitions.start(CreateOrderSaga.DEFINITION, engine.start(DATA));
        assertThat(saga.getStepStartedAt()).isEqualTo(START);

        clock.set(START.plusSeconds(20));
        apply(saga, engine.handle(saga.snapshot(), new InventoryReserved(ORDER_ID), budgetOf(saga)));

        assertThat(saga.getCurrentStep()).isEqualTo(2);
        assertThat(saga.getStepStartedAt()).isEqualTo(START.plusSeconds(20));
        assertThat(budgetOf(saga).spent()).isFalse();
    }

    @Test
    void aCompensationIsRetriedOnItsBackedOffDelayWhateverTheBudget() {
        SagaInstance saga = chargingSince(START);
        clock.set(START.plusSeconds(5));
        apply(saga, engine.cancel(saga.snapshot(), "changed my mind"));
        assertThat(saga.getState()).isEqualTo(SagaState.COMPENSATING);
        assertThat(saga.getStepStartedAt()).as("compensating the step starts it anew").isEqualTo(START.plusSeconds(5));

        for (int failure = 1; failure <= 4; failure++) {
            clock.set(START.plusSeconds(60L * failure));
            apply(saga, engine.handle(saga.snapshot(), new PaymentUnavailable(ORDER_ID, "down"), budgetOf(saga)));
            Duration backedOff = Duration.ofSeconds(2L << (failure - 1));
            assertThat(saga.getStepDeadline()).isEqualTo(clock.instant().plus(backedOff));
            apply(saga, engine.deadlinePassed(saga.snapshot(), POLICY));
        }
        assertThat(saga.getState()).isEqualTo(SagaState.COMPENSATING);
        assertThat(saga.getCommandTry()).isEqualTo(4);
    }

    /** A saga that sent ChargePayment at {@code started}. */
    private SagaInstance chargingSince(Instant started) {
        clock.set(started.minusSeconds(1));
        SagaInstance saga = transitions.start(CreateOrderSaga.DEFINITION, engine.start(DATA));
        clock.set(started);
        apply(saga, engine.handle(saga.snapshot(), new InventoryReserved(ORDER_ID), budgetOf(saga)));
        return saga;
    }

    private SagaInstance unavailableAt(SagaInstance saga, long second) {
        clock.set(START.plusSeconds(second));
        apply(saga, engine.handle(saga.snapshot(), new PaymentUnavailable(ORDER_ID, "circuit open"), budgetOf(saga)));
        assertThat(saga.isRetryPending()).isTrue();
        return saga;
    }

    private void retryAt(SagaInstance saga, long second) {
        clock.set(START.plusSeconds(second));
        apply(saga, engine.deadlinePassed(saga.snapshot(), POLICY));
        assertThat(saga.isRetryPending()).isFalse();
    }

    private TransientRetryBudget budgetOf(SagaInstance saga) {
        return transitions.transientRetryBudget(saga,
                CreateOrderSaga.DEFINITION.step(saga.getCurrentStep()).name());
    }

    private void apply(SagaInstance saga, Transition<OrderSagaData> transition) {
        transitions.apply(saga, transition);
    }

    private static final class SettableClock extends Clock {

        private Instant now = START;

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
