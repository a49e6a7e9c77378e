package dev.ordersaga.orchestrator.saga;

import static dev.ordersaga.orchestrator.saga.HistoryType.COMMAND_SENT;
import static dev.ordersaga.orchestrator.saga.HistoryType.REPLY_RECEIVED;
import static dev.ordersaga.orchestrator.saga.HistoryType.STATE_CHANGED;
import static dev.ordersaga.orchestrator.saga.SagaState.COMPENSATED;
import static dev.ordersaga.orchestrator.saga.SagaState.COMPENSATING;
import static dev.ordersaga.orchestrator.saga.SagaState.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordersaga.schema.Message;
import dev.ordersaga.schema.Money;
import dev.ordersaga.schema.inventory.InventoryReleased;
import dev.ordersaga.schema.inventory.InventoryReserved;
import dev.ordersaga.schema.inventory.InventoryUnavailable;
import dev.ordersaga.schema.inventory.ReleaseInventory;
import dev.ordersaga.schema.inventory.ReserveInventory;
import dev.ordersaga.schema.order.ApproveOrder;
import dev.ordersaga.schema.order.OrderApproved;
import dev.ordersaga.schema.order.OrderCancelled;
import dev.ordersaga.schema.order.OrderRejected;
import dev.ordersaga.schema.order.RejectOrder;
import dev.ordersaga.schema.payment.ChargePayment;
import dev.ordersaga.schema.payment.PaymentCharged;
import dev.ordersaga.schema.payment.PaymentUnavailable;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The engine's general rules, on small definitions built for each case. */
class SagaEngineTest {

    private static final UUID ID = UUID.randomUUID();
    private static final Money TOTAL = Money.of(100, "EUR");
    private static final TransientRetryBudget BUDGET = TransientRetryBudget.left(Duration.ofMinutes(2));

    record ToyData(UUID sagaId, String failureReason) implements SagaData<ToyData> {

        @Override
        public ToyData withFailureReason(String reason) {
            return new ToyData(sagaId, reason);
        }
    }

    /** reserve (compensatable) -> charge (not compensatable) -> approve (can fail). */
    private static final SagaDefinition<ToyData> THREE_STEPS = SagaDefinition.<ToyData>builder("toy", 1)
            .step("reserve")
                .invoke(data -> new ReserveInventory(data.sagaId(), List.of()))
                .onSuccess(InventoryReserved.class)
                .compensateWith(InventoryReleased.class, data -> new ReleaseInventory(data.sagaId()))
                .timeout(Duration.ofSeconds(5))
            .step("charge")
                .invoke(data -> new ChargePayment(data.sagaId(), "c", TOTAL))
                .onSuccess(PaymentCharged.class)
            .step("approve")
                .invoke(data -> new ApproveOrder(data.sagaId()))
                .onSuccess(OrderApproved.class)
                .onFailure(OrderRejected.class, OrderRejected::reason)
            .build();

    @Test
    void compensationSkipsStepsThatHaveNothingToUndo() {
        SagaScenario.given(THREE_STEPS).sagaStartedWith(new ToyData(ID, null))
                .expect().command(new ReserveInventory(ID, List.of())).state(RUNNING)
                .andGivenReply(new InventoryReserved(ID))
                .expect().command(new ChargePayment(ID, "c", TOTAL)).state(RUNNING)
                .andGivenReply(new PaymentCharged(ID, UUID.randomUUID(), TOTAL))
                .expect().command(new ApproveOrder(ID)).state(RUNNING)
                .andGivenReply(new OrderRejected(ID, "no"))
                .expect().command(new ReleaseInventory(ID)).state(COMPENSATING).step("reserve")
                        .data(new ToyData(ID, "no"))
                .andGivenReply(new InventoryReleased(ID))
                .expect().noCommands().state(COMPENSATED);
    }

    @Test
    void failureWithNothingCompletedToUndoEndsCompensatedAtOnce() {
        SagaDefinition<ToyData> oneStep = SagaDefinition.<ToyData>builder("one", 1)
                .step("reserve")
                    .invoke(data -> new ReserveInventory(data.sagaId(), List.of()))
                    .onSuccess(InventoryReserved.class)
                    .onFailure(InventoryUnavailable.class, reply -> "short")
                    .compensateWith(InventoryReleased.class, data -> new ReleaseInventory(data.sagaId()))
                .build();

        SagaScenario.given(oneStep).sagaStartedWith(new ToyData(ID, null))
                .expect().command(new ReserveInventory(ID, List.of())).state(RUNNING)
                .andGivenReply(new InventoryUnavailable(ID, List.of()))
                .expect().noCommands().state(COMPENSATED).history(REPLY_RECEIVED, STATE_CHANGED);
    }

    @Test
    void transitionCarriesTheAwaitedStepsDeclaredTimeout() {
        SagaEngine<ToyData> engine = new SagaEngine<>(THREE_STEPS);

        Transition<ToyData> started = engine.start(new ToyData(ID, null));
        Transition<ToyData> charging = engine.handle(snapshotOf(started), new InventoryReserved(ID), BUDGET);

        assertThat(started.declaredStepTimeout()).contains(Duration.ofSeconds(5));
        assertThat(charging.declaredStepTimeout()).isEmpty();
        assertThat(charging.history()).extracting(HistoryEntry::type).containsExactly(REPLY_RECEIVED, COMMAND_SENT);
    }

    @Test
    void refusesAReplyForAnotherSaga() {
        SagaEngine<ToyData> engine = new SagaEngine<>(THREE_STEPS);
        Transition<ToyData> started = engine.start(new ToyData(ID, null));

        assertThatThrownBy(() -> engine.handle(snapshotOf(started), new InventoryReserved(UUID.randomUUID()),
                BUDGET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("handed to saga " + ID);
    }

    @Test
    void definitionAndItsStepsCannotBeChanged() {
        assertThatThrownBy(() -> THREE_STEPS.steps().remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(THREE_STEPS.name()).isEqualTo("toy");
        assertThat(THREE_STEPS.version()).isEqualTo(1);
    }

    @Test
    void rejectsTwoStepsWithTheSameName() {
        assertThatThrownBy(() -> SagaDefinition.<ToyData>builder("dup", 1)
                .step("a").invoke(data -> new ApproveOrder(data.sagaId())).onSuccess(OrderApproved.class)
                .step("a").invoke(data -> new ApproveOrder(data.sagaId())).onSuccess(OrderApproved.class)
                .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two steps named a");
    }

    @Test
    void rejectsAStepThatSendsButCanNeverComplete() {
        assertThatThrownBy(() -> SagaDefinition.<ToyData>builder("stuck", 1)
                .step("a").invoke(data -> new ApproveOrder(data.sagaId()))
                .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no reply completes it");
    }

    @Test
    void rejectsAReplyThatBothSucceedsAndFails() {
        assertThatThrownBy(() -> SagaDefinition.<ToyData>builder("ambiguous", 1)
                .step("a").invoke(data -> new ApproveOrder(data.sagaId()))
                    .onSuccess(OrderApproved.class)
                    .onFailure(OrderApproved.class, reply -> "?")
                .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OrderApproved cannot both succeed and fail");
    }

    @Test
    void rejectsAReplyThatBothSucceedsAndFailsTransiently() {
        assertThatThrownBy(() -> SagaDefinition.<ToyData>builder("ambiguous", 1)
                .step("a").invoke(data -> new ApproveOrder(data.sagaId()))
                    .onSuccess(OrderApproved.class)
                    .onTransientFailure(OrderApproved.class, reply -> "?")
                .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OrderApproved cannot both succeed and fail transiently");
    }

    @Test
    void extraCompensationConfirmationsNeedACompensation() {
        assertThatThrownBy(() -> SagaDefinition.<ToyData>builder("nothing-to-confirm", 1)
                .step("a").invoke(data -> new ApproveOrder(data.sagaId())).onSuccess(OrderApproved.class)
                    .alsoConfirmedBy(OrderRejected.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("alsoConfirmedBy follows compensateWith");
    }

    @Test
    void aCompensationIsConfirmedByAnyOfItsReplies() {
        SagaDefinition<ToyData> twoConfirmations = SagaDefinition.<ToyData>builder("two", 1)
                .step("order")
                    .compensateWith(OrderRejected.class, data -> new RejectOrder(data.sagaId(), "undo"))
                    .alsoConfirmedBy(OrderCancelled.class)
                .step("reserve")
                    .invoke(data -> new ReserveInventory(data.sagaId(), List.of()))
                    .onSuccess(InventoryReserved.class)
                    .onFailure(InventoryUnavailable.class, reply -> "short")
                .build();

        for (Message confirmation : List.<Message>of(new OrderRejected(ID, "undo"), new OrderCancelled(ID, "undo"))) {
            SagaScenario.given(twoConfirmations).sagaStartedWith(new ToyData(ID, null))
                    .expect().command(new ReserveInventory(ID, List.of()))
                    .andGivenReply(new InventoryUnavailable(ID, List.of()))
                    .expect().command(new RejectOrder(ID, "undo")).state(COMPENSATING)
                    .andGivenReply(confirmation)
                    .expect().noCommands().state(COMPENSATED);
        }
    }

    @Test
    void aDeadlineOfAnEndedSagaIsAMistake() {
        SagaEngine<ToyData> engine = new SagaEngine<>(THREE_STEPS);
        SagaSnapshot<ToyData> ended = new SagaSnapshot<>(ID, COMPENSATED, 0, 0, 0, false, new ToyData(ID, "x"));

        assertThatThrownBy(() -> engine.deadlinePassed(ended, new RetryPolicy(3)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no deadline");
    }

    @Test
    void onlyAStepThatSendsCanBeThePivot() {
        assertThatThrownBy(() -> SagaDefinition.<ToyData>builder("no-pivot", 1)
                .step("local").compensateWith(OrderRejected.class, data -> new RejectOrder(data.sagaId(), "x")).pivot()
                .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be the pivot");
    }

    @Test
    void aPivotThatFailsTransientlyIsTriedAgainEvenPastItsBudget() {
        SagaDefinition<ToyData> pivotal = SagaDefinition.<ToyData>builder("pivotal", 1)
                .step("reserve")
                    .invoke(data -> new ReserveInventory(data.sagaId(), List.of()))
                    .onSuccess(InventoryReserved.class)
                    .compensateWith(InventoryReleased.class, data -> new ReleaseInventory(data.sagaId()))
                .step("charge")
                    .invoke(data -> new ChargePayment(data.sagaId(), "c", TOTAL))
                    .onSuccess(PaymentCharged.class)
                    .onTransientFailure(PaymentUnavailable.class, PaymentUnavailable::reason)
                    .pivot()
                .build();

        SagaScenario.given(pivotal).sagaStartedWith(new ToyData(ID, null))
                .expect().command(new ReserveInventory(ID, List.of()))
                .andGivenReply(new InventoryReserved(ID))
                .expect().command(new ChargePayment(ID, "c", TOTAL))
                .andGivenReplyPastTheBudget(new PaymentUnavailable(ID, "down"))
                .expect().noCommands().retryPending().state(RUNNING).step("charge").commandTry(1);
    }

    @Test
    void aTransientRetryBudgetIsNamedTheWayConfigurationSpellsIt() {
        assertThat(TransientRetryBudget.left(Duration.ofMinutes(2)).describe()).isEqualTo("2m");
        assertThat(TransientRetryBudget.left(Duration.ofSeconds(90)).describe()).isEqualTo("1m30s");
        assertThat(TransientRetryBudget.left(Duration.ofHours(1).plusMillis(500)).describe()).isEqualTo("1h500ms");
        assertThat(TransientRetryBudget.spent(Duration.ZERO).describe()).isEqualTo("0s");
        assertThatThrownBy(() -> TransientRetryBudget.left(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRetryPolicyNeedsAtLeastOneAttempt() {
        assertThatThrownBy(() -> new RetryPolicy(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOperatorRequestNamesWhoAsked() {
        assertThatThrownBy(() -> new OperatorRequest(" ", "why")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new OperatorRequest("alice", "  ").reason()).isNull();
    }

    @Test
    void rejectsAVersionBelowOne() {
        assertThatThrownBy(() -> SagaDefinition.<ToyData>builder("v0", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static SagaSnapshot<ToyData> snapshotOf(Transition<ToyData> transition) {
        return new SagaSnapshot<>(ID, transition.state(), transition.currentStep(), transition.attempts(),
                transition.commandTry(), transition.retryPending(), transition.data());
    }
}
