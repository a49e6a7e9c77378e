package dev.ordersaga.orchestrator.saga;

import static dev.ordersaga.orchestrator.saga.HistoryType.CANCEL_REQUESTED;
import static dev.ordersaga.orchestrator.saga.HistoryType.COMMAND_RESENT;
import static dev.ordersaga.orchestrator.saga.HistoryType.COMMAND_SENT;
import static dev.ordersaga.orchestrator.saga.HistoryType.DEADLINE_PASSED;
import static dev.ordersaga.orchestrator.saga.HistoryType.OPERATOR_ACTION;
import static dev.ordersaga.orchestrator.saga.HistoryType.REPLY_RECEIVED;
import static dev.ordersaga.orchestrator.saga.HistoryType.STARTED;
import static dev.ordersaga.orchestrator.saga.HistoryType.STATE_CHANGED;
import static dev.ordersaga.orchestrator.saga.HistoryType.TRANSIENT_FAILURE;
import static dev.ordersaga.orchestrator.saga.SagaState.COMPENSATED;
import static dev.ordersaga.orchestrator.saga.SagaState.COMPENSATING;
import static dev.ordersaga.orchestrator.saga.SagaState.COMPLETED;
import static dev.ordersaga.orchestrator.saga.SagaState.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ordersaga.schema.Money;
import dev.ordersaga.schema.StockLine;
import dev.ordersaga.schema.inventory.ConfirmReservation;
import dev.ordersaga.schema.inventory.InventoryReleased;
import dev.ordersaga.schema.inventory.InventoryReserved;
import dev.ordersaga.schema.inventory.InventoryUnavailable;
import dev.ordersaga.schema.inventory.ReleaseInventory;
import dev.ordersaga.schema.inventory.ReservationConfirmed;
import dev.ordersaga.schema.inventory.ReserveInventory;
import dev.ordersaga.schema.order.ApproveOrder;
import dev.ordersaga.schema.order.OrderApproved;
import dev.ordersaga.schema.order.OrderCancelled;
import dev.ordersaga.schema.order.OrderRejected;
import dev.ordersaga.schema.order.RejectOrder;
import dev.ordersaga.schema.payment.ChargePayment;
import dev.ordersaga.schema.payment.PaymentCharged;
import dev.ordersaga.schema.payment.PaymentDeclined;
import dev.ordersaga.schema.payment.PaymentRefunded;
import dev.ordersaga.schema.payment.PaymentUnavailable;
import dev.ordersaga.schema.payment.RefundPayment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CreateOrderSagaTest {

    private static final UUID ORDER_ID = UUID.fromString("0b7e6c1e-5d0f-4a53-9f3e-6f1c2a7d9e11");
    private static final String CUSTOMER = "customer-42";
    private static final List<StockLine> LINES = List.of(new StockLine("SKU-1", 2), new StockLine("SKU-2", 1));
    private static final Money TOTAL = Money.of(4_500, "EUR");
    private static final OrderSagaData DATA = new OrderSagaData(ORDER_ID, CUSTOMER, LINES, TOTAL, null);

    private static SagaScenario<OrderSagaData> given() {
        return SagaScenario.given(CreateOrderSaga.DEFINITION);
    }

    @Test
    void happyPathReservesChargesApprovesAndCompletes() {
        given().sagaStartedWith(DATA)
                .expect().command(new ReserveInventory(ORDER_ID, LINES)).state(RUNNING).step("reserve-inventory")
                        .history(STARTED, COMMAND_SENT)
                .andGivenReply(new InventoryReserved(ORDER_ID))
                .expect().command(new ChargePayment(ORDER_ID, CUSTOMER, TOTAL)).state(RUNNING).step("charge-payment")
                        .history(REPLY_RECEIVED, COMMAND_SENT)
                .andGivenReply(new PaymentCharged(ORDER_ID, UUID.randomUUID(), TOTAL))
                .expect().commands(new ConfirmReservation(ORDER_ID), new ApproveOrder(ORDER_ID))
                        .state(RUNNING).step("approve-order")
                        .history(REPLY_RECEIVED, COMMAND_SENT, COMMAND_SENT)
                .andGivenReply(new ReservationConfirmed(ORDER_ID))
                .expect().noCommands().state(RUNNING).step("approve-order").history(REPLY_RECEIVED)
                .andGivenReply(new OrderApproved(ORDER_ID, TOTAL))
                .expect().noCommands().state(COMPLETED).history(REPLY_RECEIVED, STATE_CHANGED).data(DATA);
    }

    @Test
    void reservationConfirmedAfterApprovalIsRecordedNotIgnored() {
        given().sagaStartedWith(DATA)
                .expect().command(new ReserveInventory(ORDER_ID, LINES)).state(RUNNING)
                .andGivenReply(new InventoryReserved(ORDER_ID))
                .expect().command(new ChargePayment(ORDER_ID, CUSTOMER, TOTAL)).state(RUNNING)
                .andGivenReply(new PaymentCharged(ORDER_ID, UUID.randomUUID(), TOTAL))
                .expect().commands(new ConfirmReservation(ORDER_ID), new ApproveOrder(ORDER_ID)).state(RUNNING)
                .andGivenReply(new OrderApproved(ORDER_ID, TOTAL))
                .expect().noCommands().state(COMPLETED)
                .andGivenReply(new ReservationConfirmed(ORDER_ID))
                .expect().noCommands().state(COMPLETED).history(REPLY_RECEIVED);
    }

    @Test
    void inventoryUnavailableRejectsTheOrderAndEndsCompensated() {
        String reason = "insufficient stock: SKU-1 (requested 2, available 1), SKU-2 (requested 1, available 0)";
        given().sagaStartedWith(DATA)
                .expect().command(new ReserveInventory(ORDER_ID, LINES)).state(RUNNING)
                .andGivenReply(new InventoryUnavailable(ORDER_ID, List.of(
                        new InventoryUnavailable.Shortage("SKU-1", 2, 1),
                        new InventoryUnavailable.Shortage("SKU-2", 1, 0))))
                .expect().command(new RejectOrder(ORDER_ID, reason)).state(COMPENSATING).step("create-order")
                        .history(REPLY_RECEIVED, STATE_CHANGED, COMMAND_SENT)
                        .data(DATA.withFailureReason(reason))
                .andGivenReply(new OrderRejected(ORDER_ID, reason))
                .expect().noCommands().state(COMPENSATED).history(REPLY_RECEIVED, STATE_CHANGED);
    }

    @Test
    void paymentDeclinedReleasesInventoryThenRejectsTheOrder() {
        String reason = "payment declined: insufficient funds";
        given().sagaStartedWith(DATA)
                .expect().command(new ReserveInventory(ORDER_ID, LINES)).state(RUNNING)
                .andGivenReply(new InventoryReserved(ORDER_ID))
                .expect().command(new ChargePayment(ORDER_ID, CUSTOMER, TOTAL)).state(RUNNING)
                .andGivenReply(new PaymentDeclined(ORDER_ID, "insufficient funds"))
                .expect().command(new ReleaseInventory(ORDER_ID)).state(COMPENSATING).step("reserve-inventory")
                        .history(REPLY_RECEIVED, STATE_CHANGED, COMMAND_SENT)
                .andGivenReply(new InventoryReleased(ORDER_ID))
                .expect().command(new RejectOrder(ORDER_ID, reason)).state(COMPENSATING).step("create-order")
                        .history(REPLY_RECEIVED, COMMAND_SENT)
                .andGivenReply(new OrderRejected(ORDER_ID, reason))
                .expect().noCommands().state(COMPENSATED).history(REPLY_RECEIVED, STATE_CHANGED);
    }

    @Test
    void duplicateAndLateRepliesAreIgnoredWithoutCommands() {
        given().sagaStartedWith(DATA)
                .expect().command(new ReserveInventory(ORDER_ID, LINES)).state(RUNNING)
                .andGivenReply(new InventoryReserved(ORDER_ID))
                .expect().command(new ChargePayment(ORDER_ID, CUSTOMER, TOTAL)).state(RUNNING)
                // the same business reply again, e.g. with a new message id after a participant retry
                .andGivenReply(new InventoryReserved(ORDER_ID))
                .expect().noCommands().replyIgnored().state(RUNNING).step("charge-payment")
                // a reply for a later step that was never asked for
                .andGivenReply(new OrderApproved(ORDER_ID, TOTAL))
                .expect().noCommands().replyIgnored().state(RUNNING).step("charge-payment")
                // a compensation confirmation while nothing is being compensated
                .andGivenReply(new InventoryReleased(ORDER_ID))
                .expect().noCommands().replyIgnored().state(RUNNING).step("charge-payment")
                // the saga still advances on the reply it does expect
                .andGivenReply(new PaymentCharged(ORDER_ID, UUID.randomUUID(), TOTAL))
                .expect().commands(new ConfirmReservation(ORDER_ID), new ApproveOrder(ORDER_ID)).state(RUNNING);
    }

    @Test
    void lateSuccessDuringCompensationIsIgnored() {
        given().sagaStartedWith(DATA)
                .expect().command(new ReserveInventory(ORDER_ID, LINES)).state(RUNNING)
                .andGivenReply(new InventoryReserved(ORDER_ID))
                .expect().command(new ChargePayment(ORDER_ID, CUSTOMER, TOTAL)).state(RUNNING)
                .andGivenReply(new PaymentDeclined(ORDER_ID, "card expired"))
                .expect().command(new ReleaseInventory(ORDER_ID)).state(COMPENSATING)
                .andGivenReply(new PaymentCharged(ORDER_ID, UUID.randomUUID(), TOTAL))
                .expect().noCommands().replyIgnored().state(COMPENSATING).step("reserve-inventory");
    }

    @Test
    void repliesAfterCompensationCauseNothing() {
        String reason = "insufficient stock: SKU-1 (requested 2, available 0)";
        given().sagaStartedWith(DATA)
                .expect().command(new ReserveInventory(ORDER_ID, LINES)).state(RUNNING)
                .andGivenReply(new InventoryUnavailable(ORDER_ID, List.of(
                        new InventoryUnavailable.Shortage("SKU-1", 2, 0))))
                .expect().command(new RejectOrder(ORDER_ID, reason)).state(COMPENSATING)
                .andGivenReply(new OrderRejected(ORDER_ID, reason))
                .expect().noCommands().state(COMPENSATED)
                // a replayed InventoryReserved must not lead to a charge
                .andGivenReply(new InventoryReserved(ORDER_ID))
                .expect().noCommands().replyIgnored().state(COMPENSATED)
                .andGivenReply(new OrderRejected(ORDER_ID, reason))
                .expect().noCommands().replyIgnored().state(COMPENSATED);
    }

    @Test
    void repliesAfterCompletionOtherThanTheRecordedOneAreIgnored() {
        given().sagaStartedWith(DATA)
                .expect().command(new ReserveInventory(ORDER_ID, LINES)).state(RUNNING)
                .andGivenReply(new InventoryReserved(ORDER_ID))
                .expect().command(new ChargePayment(ORDER_ID, CUSTOMER, TOTAL)).state(RUNNING)
                .andGivenReply(new PaymentCharged(ORDER_ID, UUID.randomUUID(), TOTAL))
                .expect().commands(new ConfirmReservation(ORDER_ID), new ApproveOrder(ORDER_ID)).state(RUNNING)
                .andGivenReply(new OrderApproved(ORDER_ID, TOTAL))
                .expect().noCommands().state(COMPLETED)
                .andGivenReply(new PaymentDeclined(ORDER_ID, "too late"))
                .expect().noCommands().replyIgnored().state(COMPLETED);
    }

    @Test
    void commandMessageIdsAreDeterministic() {
        List<SagaCommand> first = commandsOfASagaCompensatedAfterPaymentDeclined();
        List<SagaCommand> second = commandsOfASagaCompensatedAfterPaymentDeclined();

        assertThat(first).extracting(SagaCommand::messageId)
                .containsExactlyElementsOf(second.stream().map(SagaCommand::messageId).toList())
                .doesNotHaveDuplicates();
        assertThat(first.get(0).messageId()).isEqualTo(UUID.nameUUIDFromBytes(
                (ORDER_ID + ":reserve-inventory:ReserveInventory:forward").getBytes(StandardCharsets.UTF_8)));
        assertThat(first).extracting(SagaCommand::type, SagaCommand::direction).containsExactly(
                tuple("ReserveInventory", Direction.FORWARD),
                tuple("ChargePayment", Direction.FORWARD),
                tuple("ReleaseInventory", Direction.COMPENSATION),
                tuple("RejectOrder", Direction.COMPENSATION));
    }

    @Test
    void anotherSagaGetsOtherMessageIds() {
        UUID otherOrder = UUID.randomUUID();
        UUID mine = given().sagaStartedWith(DATA).expect().transition().commands().get(0).messageId();
        UUID theirs = given().sagaStartedWith(new OrderSagaData(otherOrder, CUSTOMER, LINES, TOTAL, null))
                .expect().transition().commands().get(0).messageId();

        assertThat(theirs).isNotEqualTo(mine);
    }

    // --- Step deadlines ------------------------------------------------------------------------------------

    @Test
    void reserveInventoryWithoutReplyIsResentWithTheSameIdThenCompensatedFromItself() {
        String reason = "step reserve-inventory got no reply after 3 attempts";
        given().sagaStartedWith(DATA)
                .expect().command(new ReserveInventory(ORDER_ID, LINES)).attempts(1)
                        .messageIds(id("reserve-inventory:ReserveInventory:forward"))
                .andGivenDeadlinePassed()
                .expect().command(new ReserveInventory(ORDER_ID, LINES)).sameMessageIdsAsBefore()
                        .state(RUNNING).step("reserve-inventory").attempts(2)
                        .history(DEADLINE_PASSED, COMMAND_RESENT)
                        .historyDetail(DEADLINE_PASSED, Map.of("attempts", "1", "action", "resend"))
                        .historyDetail(COMMAND_RESENT, Map.of("direction", "forward", "attempt", "2"))
                .andGivenDeadlinePassed()
                .expect().command(new ReserveInventory(ORDER_ID, LINES)).sameMessageIdsAsBefore().attempts(3)
                .andGivenDeadlinePassed()
                // Its command may have been applied after all: the step itself is compensated first.
                .expect().command(new ReleaseInventory(ORDER_ID))
                        .messageIds(id("reserve-inventory:ReleaseInventory:compensation"))
                        .state(COMPENSATING).step("reserve-inventory").attempts(1)
                        .history(DEADLINE_PASSED, STATE_CHANGED, COMMAND_SENT)
                        .historyDetail(DEADLINE_PASSED, Map.of("attempts", "3", "action", "compensate"))
                        .data(DATA.withFailureReason(reason))
                .andGivenReply(new InventoryReleased(ORDER_ID))
                .expect().command(new RejectOrder(ORDER_ID, reason)).state(COMPENSATING).step("create-order")
                .andGivenReply(new OrderRejected(ORDER_ID, reason))
                .expect().noCommands().state(COMPENSATED).attempts(0);
    }

    @Test
    void chargePaymentWithoutReplyIsResentThenRefundedReleasedAndRejected() {
        String reason = "step charge-payment got no reply after 2 attempts";
        atChargePayment(new RetryPolicy(2))
                .andGivenDeadlinePassed()
                .expect().command(new ChargePayment(ORDER_ID, CUSTOMER, TOTAL)).sameMessageIdsAsBefore()
                        .messageIds(id("charge-payment:ChargePayment:forward")).attempts(2)
                .andGivenDeadlinePassed()
                .expect().command(new RefundPayment(ORDER_ID)).state(COMPENSATING).step("charge-payment")
                        .messageIds(id("charge-payment:RefundPayment:compensation"))
                        .data(DATA.withFailureReason(reason))
                .andGivenReply(new PaymentRefunded(ORDER_ID, TOTAL))
                .expect().command(new ReleaseInventory(ORDER_ID)).state(COMPENSATING).step("reserve-inventory")
                .andGivenReply(new InventoryReleased(ORDER_ID))
                .expect().command(new RejectOrder(ORDER_ID, reason)).step("create-order")
                .andGivenReply(new OrderRejected(ORDER_ID, reason))
                .expect().noCommands().state(COMPENSATED);
    }

    @Test
    void approveOrderIsThePivotAndIsResentForAsLongAsItTakes() {
        // Giving up would refund and release an order that order-service approves once it gets to it.
        atApproveOrder(new RetryPolicy(2))
                .andGivenDeadlinePassed()
                .expect().commands(new ConfirmReservation(ORDER_ID), new ApproveOrder(ORDER_ID))
                        .sameMessageIdsAsBefore().state(RUNNING).step("approve-order").attempts(2)
                        .history(DEADLINE_PASSED, COMMAND_RESENT, COMMAND_RESENT)
                .andGivenDeadlinePassed()
                .expect().commands(new ConfirmReservation(ORDER_ID), new ApproveOrder(ORDER_ID))
                        .sameMessageIdsAsBefore().state(RUNNING).step("approve-order").attempts(3)
                        .historyDetail(DEADLINE_PASSED, Map.of("attempts", "2", "action", "resend"))
                .andGivenDeadlinePassed()
                .expect().commands(new ConfirmReservation(ORDER_ID), new ApproveOrder(ORDER_ID))
                        .sameMessageIdsAsBefore().state(RUNNING).attempts(4)
                .andGivenReply(new OrderApproved(ORDER_ID, TOTAL))
                .expect().noCommands().state(COMPLETED).data(DATA);
    }

    @Test
    void aReplyAfterAResendAdvancesAsUsualWithAFreshAttemptCount() {
        given().sagaStartedWith(DATA)
                .expect().command(new ReserveInventory(ORDER_ID, LINES))
                .andGivenDeadlinePassed()
                .expect().command(new ReserveInventory(ORDER_ID, LINES)).attempts(2)
                .andGivenReply(new InventoryReserved(ORDER_ID))
                .expect().command(new ChargePayment(ORDER_ID, CUSTOMER, TOTAL)).state(RUNNING).attempts(1)
                        .commandTry(0);
    }

    @Test
    void aCompensationWithoutReplyIsResentForAsLongAsItTakes() {
        String reason = "payment declined: insufficient funds";
        SagaScenario<OrderSagaData> scenario = atChargePayment(new RetryPolicy(2))
                .andGivenReply(new PaymentDeclined(ORDER_ID, "insufficient funds"))
                .expect().command(new ReleaseInventory(ORDER_ID)).state(COMPENSATING).attempts(1)
                .andGivenDeadlinePassed()
                .expect().command(new ReleaseInventory(ORDER_ID)).sameMessageIdsAsBefore().attempts(2)
                        .historyDetail(COMMAND_RESENT, Map.of("direction", "compensation", "attempt", "2"))
                .andGivenDeadlinePassed()
                .expect().command(new ReleaseInventory(ORDER_ID)).sameMessageIdsAsBefore().attempts(3)
                .and();
        for (int attempt = 4; attempt <= 6; attempt++) {
            scenario.expect().andGivenDeadlinePassed()
                    .expect().command(new ReleaseInventory(ORDER_ID)).sameMessageIdsAsBefore().attempts(attempt)
                            .state(COMPENSATING).step("reserve-inventory");
        }
        scenario.expect().andGivenReply(new InventoryReleased(ORDER_ID))
                .expect().command(new RejectOrder(ORDER_ID, reason)).attempts(1)
                .andGivenDeadlinePassed()
                .expect().command(new RejectOrder(ORDER_ID, reason)).sameMessageIdsAsBefore().state(COMPENSATING)
                .andGivenReply(new OrderRejected(ORDER_ID, reason))
                .expect().noCommands().state(COMPENSATED);
    }

    // --- Transient failures ----------------------------------------------------------------------------------

    @Test
    void paymentUnavailableIsRetriedLaterUnderANewMessageIdUntilTheChargeSucceeds() {
        UUID secondTry = id("charge-payment:ChargePayment:forward:try-1");
        atChargePayment(new RetryPolicy(3))
                .andGivenReply(new PaymentUnavailable(ORDER_ID, "circuit open"))
                .expect().noCommands().retryPending().state(RUNNING).step("charge-payment")
                        .attempts(1).commandTry(1)
                        .history(TRANSIENT_FAILURE)
                        .historyDetail(TRANSIENT_FAILURE,
                                Map.of("reason", "payment unavailable: circuit open", "nextTry", "1"))
                .andGivenDeadlinePassed()
                // the participant answered: the next try counts no attempt
                .expect().command(new ChargePayment(ORDER_ID, CUSTOMER, TOTAL)).messageIds(secondTry)
                        .attempts(1).commandTry(1).awaitingReply()
                        .history(DEADLINE_PASSED, COMMAND_RESENT)
                        .historyDetail(DEADLINE_PASSED, Map.of("attempts", "1", "action", "retry"))
                        .historyDetail(COMMAND_RESENT, Map.of("direction", "forward", "attempt", "1", "try", "1"))
                // no reply to the second try in time: the same try again, under the same id, as an attempt
                .andGivenDeadlinePassed()
                .expect().command(new ChargePayment(ORDER_ID, CUSTOMER, TOTAL)).messageIds(secondTry).attempts(2)
                        .historyDetail(DEADLINE_PASSED, Map.of("attempts", "1", "action", "resend"))
                .andGivenReply(new PaymentCharged(ORDER_ID, UUID.randomUUID(), TOTAL))
                .expect().commands(new ConfirmReservation(ORDER_ID), new ApproveOrder(ORDER_ID))
                        .messageIds(id("approve-order:ConfirmReservation:forward"),
                                id("approve-order:ApproveOrder:forward"))
                        .state(RUNNING).attempts(1).commandTry(0);
    }

    @Test
    void transientFailuresCountNoAttemptAndAreRetriedForAsLongAsTheBudgetLasts() {
        // Two attempts only, yet five tries: a provider outage is bounded by time, not by a count.
        SagaScenario<OrderSagaData> scenario = atChargePayment(new RetryPolicy(2)).and();
        for (int nextTry = 1; nextTry <= 5; nextTry++) {
            scenario.expect().andGivenReply(new PaymentUnavailable(ORDER_ID, "circuit open"))
                    .expect().noCommands().retryPending().state(RUNNING).step("charge-payment")
                            .attempts(1).commandTry(nextTry)
                    .andGivenDeadlinePassed()
                    .expect().command(new ChargePayment(ORDER_ID, CUSTOMER, TOTAL))
                            .messageIds(id("charge-payment:ChargePayment:forward:try-" + nextTry))
                            .state(RUNNING).attempts(1).commandTry(nextTry).awaitingReply();
        }
        scenario.expect().andGivenReply(new PaymentCharged(ORDER_ID, UUID.randomUUID(), TOTAL))
                .expect().commands(new ConfirmReservation(ORDER_ID), new ApproveOrder(ORDER_ID))
                        .state(RUNNING).step("approve-order").attempts(1).commandTry(0).data(DATA);
    }

    @Test
    void paymentUnavailablePastTheBudgetCompensatesFromTheChargeOn() {
        String reason = "step charge-payment still failed transiently after 2m (2 tries)";
        atChargePayment(new RetryPolicy(3))
                .andGivenReply(new PaymentUnavailable(ORDER_ID, "circuit open"))
                .expect().noCommands().retryPending().commandTry(1)
                .andGivenDeadlinePassed()
                .expect().command(new ChargePayment(ORDER_ID, CUSTOMER, TOTAL))
                        .messageIds(id("charge-payment:ChargePayment:forward:try-1")).attempts(1)
                .andGivenReplyPastTheBudget(new PaymentUnavailable(ORDER_ID, "circuit open"))
                // Earlier tries may have been applied after all: the charge itself is undone first, and the
                // compensation starts over at try 0, whose ids are the stable ones.
                .expect().command(new RefundPayment(ORDER_ID))
                        .messageIds(id("charge-payment:RefundPayment:compensation"))
                        .state(COMPENSATING).step("charge-payment").attempts(1).commandTry(0).awaitingReply()
                        .history(TRANSIENT_FAILURE, STATE_CHANGED, COMMAND_SENT)
                        .historyDetail(TRANSIENT_FAILURE,
                                Map.of("reason", "payment unavailable: circuit open", "action", "compensate"))
                        .data(DATA.withFailureReason(reason))
                .andGivenReply(new PaymentRefunded(ORDER_ID, TOTAL))
                .expect().command(new ReleaseInventory(ORDER_ID)).state(COMPENSATING).step("reserve-inventory")
                .andGivenReply(new InventoryReleased(ORDER_ID))
                .expect().command(new RejectOrder(ORDER_ID, reason)).step("create-order")
                .andGivenReply(new OrderRejected(ORDER_ID, reason))
                .expect().noCommands().state(COMPENSATED);
    }

    @Test
    void aFirstTransientFailurePastTheBudgetCompensatesAtOnce() {
        atChargePayment(new RetryPolicy(3))
                .andGivenReplyPastTheBudget(new PaymentUnavailable(ORDER_ID, "circuit open"))
                .expect().command(new RefundPayment(ORDER_ID)).state(COMPENSATING)
                        .data(DATA.withFailureReason("step charge-payment still failed transiently after 2m (1 try)"));
    }

    @Test
    void timeoutsBeforeAndAfterTransientRetriesStillCountAsAttempts() {
        String reason = "step charge-payment got no reply after 3 attempts";
        UUID secondTry = id("charge-payment:ChargePayment:forward:try-1");
        atChargePayment(new RetryPolicy(3))
                .andGivenDeadlinePassed()
                .expect().command(new ChargePayment(ORDER_ID, CUSTOMER, TOTAL)).sameMessageIdsAsBefore().attempts(2)
                .andGivenReply(new PaymentUnavailable(ORDER_ID, "circuit open"))
                .expect().noCommands().retryPending().attempts(2).commandTry(1)
                .andGivenDeadlinePassed()
                .expect().command(new ChargePayment(ORDER_ID, CUSTOMER, TOTAL)).messageIds(secondTry).attempts(2)
                .andGivenDeadlinePassed()
                .expect().command(new ChargePayment(ORDER_ID, CUSTOMER, TOTAL)).messageIds(secondTry).attempts(3)
                .andGivenDeadlinePassed()
                .expect().command(new RefundPayment(ORDER_ID)).state(COMPENSATING).step("charge-payment")
                        .historyDetail(DEADLINE_PASSED, Map.of("attempts", "3", "action", "compensate"))
                        .data(DATA.withFailureReason(reason));
    }

    @Test
    void refundUnavailableIsRetriedUnderNewIdsAndNeverGivenUpWhateverTheBudget() {
        SagaScenario<OrderSagaData> scenario = atChargePayment(new RetryPolicy(1))
                .andGivenCancellation("changed my mind")
                .expect().command(new RefundPayment(ORDER_ID)).state(COMPENSATING).step("charge-payment")
                .and();
        for (int nextTry = 1; nextTry <= 4; nextTry++) {
            scenario.expect().andGivenReplyPastTheBudget(new PaymentUnavailable(ORDER_ID, "provider down"))
                    .expect().noCommands().retryPending().state(COMPENSATING).step("charge-payment")
                            .commandTry(nextTry)
                    .andGivenDeadlinePassed()
                    .expect().command(new RefundPayment(ORDER_ID))
                            .messageIds(id("charge-payment:RefundPayment:compensation:try-" + nextTry))
                            .state(COMPENSATING).attempts(1).awaitingReply();
        }
        scenario.expect().andGivenReply(new PaymentRefunded(ORDER_ID, TOTAL))
                .expect().command(new ReleaseInventory(ORDER_ID))
                        .messageIds(id("reserve-inventory:ReleaseInventory:compensation"))
                        .step("reserve-inventory").commandTry(0);
    }

    @Test
    void aTransientFailureOfAnotherStepIsIgnored() {
        given().sagaStartedWith(DATA)
                .expect().command(new ReserveInventory(ORDER_ID, LINES))
                .andGivenReply(new PaymentUnavailable(ORDER_ID, "late"))
                .expect().replyIgnored().state(RUNNING).step("reserve-inventory").commandTry(0)
                .andGivenCancellation(null)
                .expect().command(new ReleaseInventory(ORDER_ID)).state(COMPENSATING)
                .andGivenReply(new PaymentUnavailable(ORDER_ID, "late"))
                .expect().replyIgnored().state(COMPENSATING).step("reserve-inventory").commandTry(0);
    }

    // --- Cancellation ----------------------------------------------------------------------------------------

    @Test
    void cancelledWhileReservingReleasesTheReservationThenRejectsTheOrder() {
        String reason = "cancelled: changed my mind";
        given().sagaStartedWith(DATA)
                .expect().command(new ReserveInventory(ORDER_ID, LINES))
                .andGivenCancellation("changed my mind")
                .expect().command(new ReleaseInventory(ORDER_ID)).state(COMPENSATING).step("reserve-inventory")
                        .history(CANCEL_REQUESTED, STATE_CHANGED, COMMAND_SENT)
                        .historyDetail(CANCEL_REQUESTED, Map.of("reason", "changed my mind"))
                        .data(DATA.withFailureReason(reason))
                // the reservation that was in flight succeeds; the ReleaseInventory behind it undoes it
                .andGivenReply(new InventoryReserved(ORDER_ID))
                .expect().replyIgnored().state(COMPENSATING)
                .andGivenReply(new InventoryReleased(ORDER_ID))
                .expect().command(new RejectOrder(ORDER_ID, reason)).step("create-order")
                // order-service ends a cancelling order CANCELLED, not REJECTED
                .andGivenReply(new OrderCancelled(ORDER_ID, "changed my mind"))
                .expect().noCommands().state(COMPENSATED).history(REPLY_RECEIVED, STATE_CHANGED);
    }

    @Test
    void cancelledWhileChargingRefundsReleasesAndRejectsAndIgnoresTheLateCharge() {
        String reason = "cancelled: too slow";
        atChargePayment(new RetryPolicy(3))
                .andGivenCancellation("too slow")
                .expect().command(new RefundPayment(ORDER_ID)).state(COMPENSATING).step("charge-payment")
                        .messageIds(id("charge-payment:RefundPayment:compensation"))
                        .history(CANCEL_REQUESTED, STATE_CHANGED, COMMAND_SENT)
                // the charge in flight goes through; the RefundPayment behind it on the same partition undoes it
                .andGivenReply(new PaymentCharged(ORDER_ID, UUID.randomUUID(), TOTAL))
                .expect().replyIgnored().state(COMPENSATING).step("charge-payment")
                .andGivenReply(new PaymentRefunded(ORDER_ID, TOTAL))
                .expect().command(new ReleaseInventory(ORDER_ID)).step("reserve-inventory")
                .andGivenReply(new InventoryReleased(ORDER_ID))
                .expect().command(new RejectOrder(ORDER_ID, reason)).step("create-order")
                .andGivenReply(new OrderCancelled(ORDER_ID, "too slow"))
                .expect().noCommands().state(COMPENSATED);
    }

    @Test
    void cancelledWhileApprovingRefundsThenReleasesTheConfirmedReservationThenRejects() {
        String reason = "cancelled: duplicate order";
        atApproveOrder(new RetryPolicy(3))
                .andGivenCancellation("duplicate order")
                .expect().command(new RefundPayment(ORDER_ID)).state(COMPENSATING).step("charge-payment")
                        .data(DATA.withFailureReason(reason))
                .andGivenReply(new ReservationConfirmed(ORDER_ID))
                .expect().replyIgnored().state(COMPENSATING)
                .andGivenReply(new PaymentRefunded(ORDER_ID, TOTAL))
                .expect().command(new ReleaseInventory(ORDER_ID)).step("reserve-inventory")
                .andGivenReply(new InventoryReleased(ORDER_ID))
                .expect().command(new RejectOrder(ORDER_ID, reason)).step("create-order")
                .andGivenReply(new OrderCancelled(ORDER_ID, "duplicate order"))
                .expect().noCommands().state(COMPENSATED);
    }

    @Test
    void cancellationWithoutAReasonSaysCancelled() {
        given().sagaStartedWith(DATA)
                .expect().command(new ReserveInventory(ORDER_ID, LINES))
                .andGivenCancellation(null)
                .expect().command(new ReleaseInventory(ORDER_ID)).historyDetail(CANCEL_REQUESTED, Map.of())
                        .data(DATA.withFailureReason("cancelled"));
    }

    @Test
    void cancellationWhileCompensatingIsIgnoredAndTheCancelledOrderConfirmsTheRejection() {
        String reason = "payment declined: card expired";
        atChargePayment(new RetryPolicy(3))
                .andGivenReply(new PaymentDeclined(ORDER_ID, "card expired"))
                .expect().command(new ReleaseInventory(ORDER_ID)).state(COMPENSATING)
                .andGivenCancellation("changed my mind")
                .expect().noCommands().replyIgnored().state(COMPENSATING).step("reserve-inventory")
                        .historyDetail(HistoryType.REPLY_IGNORED, Map.of("reason", "the saga is COMPENSATING"))
                        .data(DATA.withFailureReason(reason))
                .andGivenReply(new InventoryReleased(ORDER_ID))
                .expect().command(new RejectOrder(ORDER_ID, reason))
                // the order became CANCELLING meanwhile, so order-service answers the RejectOrder with OrderCancelled
                .andGivenReply(new OrderCancelled(ORDER_ID, "changed my mind"))
                .expect().noCommands().state(COMPENSATED);
    }

    @Test
    void cancellationOfAnEndedSagaIsIgnored() {
        completedSaga()
                .andGivenCancellation("too late")
                .expect().replyIgnored().state(COMPLETED).noCommands();
        compensatedSaga()
                .andGivenCancellation("too late")
                .expect().replyIgnored().state(COMPENSATED).noCommands();
    }

    @Test
    void repliesAfterACancelledSagaWasCompensatedCauseNothing() {
        compensatedSaga()
                .andGivenReply(new InventoryReserved(ORDER_ID))
                .expect().replyIgnored().state(COMPENSATED)
                .andGivenReply(new PaymentCharged(ORDER_ID, UUID.randomUUID(), TOTAL))
                .expect().replyIgnored()
                .andGivenReply(new PaymentUnavailable(ORDER_ID, "late"))
                .expect().replyIgnored()
                .andGivenReply(new PaymentRefunded(ORDER_ID, TOTAL))
                .expect().replyIgnored()
                .andGivenReply(new OrderApproved(ORDER_ID, TOTAL))
                .expect().replyIgnored()
                .andGivenReply(new OrderCancelled(ORDER_ID, "again"))
                .expect().replyIgnored().state(COMPENSATED);
    }

    // --- Operator actions ------------------------------------------------------------------------------------

    @Test
    void operatorRetryOfARunningStepResendsTheSameIdsOnAFreshAttemptCount() {
        atChargePayment(new RetryPolicy(3))
                .andGivenDeadlinePassed()
                .expect().command(new ChargePayment(ORDER_ID, CUSTOMER, TOTAL)).attempts(2)
                .andGivenOperatorRetry("alice", "provider fixed")
                .expect().outcome(OperatorOutcome.RESENT)
                        .command(new ChargePayment(ORDER_ID, CUSTOMER, TOTAL))
                        .messageIds(id("charge-payment:ChargePayment:forward"))
                        .state(RUNNING).step("charge-payment").attempts(1)
                        .history(OPERATOR_ACTION, COMMAND_RESENT)
                        .historyDetail(OPERATOR_ACTION, Map.of("action", "retry", "requestedBy", "alice",
                                "reason", "provider fixed", "outcome", "RESENT"));
    }

    @Test
    void operatorRetryAfterATransientFailureSendsTheNextTry() {
        atChargePayment(new RetryPolicy(3))
                .andGivenReply(new PaymentUnavailable(ORDER_ID, "circuit open"))
                .expect().noCommands().retryPending()
                .andGivenOperatorRetry("bob", null)
                .expect().outcome(OperatorOutcome.RESENT)
                        .messageIds(id("charge-payment:ChargePayment:forward:try-1")).attempts(1).commandTry(1)
                        .awaitingReply()
                        .historyDetail(OPERATOR_ACTION, Map.of("action", "retry", "requestedBy", "bob",
                                "outcome", "RESENT"));
    }

    @Test
    void operatorRetryOfACompensationResendsIt() {
        atChargePayment(new RetryPolicy(3))
                .andGivenCancellation("changed my mind")
                .expect().command(new RefundPayment(ORDER_ID))
                .andGivenOperatorRetry("alice", "refund stuck")
                .expect().outcome(OperatorOutcome.RESENT).command(new RefundPayment(ORDER_ID))
                        .sameMessageIdsAsBefore().state(COMPENSATING).step("charge-payment").attempts(1);
    }

    @Test
    void operatorCompensationOfARunningSagaStartsAtTheCurrentStep() {
        String reason = "compensation forced by alice: provider gone for good";
        atChargePayment(new RetryPolicy(3))
                .andGivenOperatorCompensation("alice", "provider gone for good")
                .expect().outcome(OperatorOutcome.COMPENSATING).command(new RefundPayment(ORDER_ID))
                        .state(COMPENSATING).step("charge-payment")
                        .history(OPERATOR_ACTION, STATE_CHANGED, COMMAND_SENT)
                        .historyDetail(OPERATOR_ACTION, Map.of("action", "compensate", "requestedBy", "alice",
                                "reason", "provider gone for good", "outcome", "COMPENSATING"))
                        .data(DATA.withFailureReason(reason))
                .andGivenOperatorCompensation("alice", "provider gone for good")
                .expect().outcome(OperatorOutcome.ALREADY_COMPENSATING).noCommands().unchanged()
                        .state(COMPENSATING).step("charge-payment")
                        .history(OPERATOR_ACTION)
                        .historyDetail(OPERATOR_ACTION, Map.of("action", "compensate", "requestedBy", "alice",
                                "reason", "provider gone for good", "outcome", "ALREADY_COMPENSATING"))
                .andGivenReply(new PaymentRefunded(ORDER_ID, TOTAL))
                .expect().command(new ReleaseInventory(ORDER_ID))
                .andGivenReply(new InventoryReleased(ORDER_ID))
                .expect().command(new RejectOrder(ORDER_ID, reason));
    }

    @Test
    void operatorsCannotForceCompensationPastThePivotButCanRetryIt() {
        atApproveOrder(new RetryPolicy(2))
                .operatorCompensationRefused("Saga " + ORDER_ID + " is at step approve-order, past the point of no"
                        + " return: nothing to compensate; retry it, or cancel the order")
                .andGivenOperatorRetry("alice", "order-service is back")
                .expect().outcome(OperatorOutcome.RESENT)
                        .commands(new ConfirmReservation(ORDER_ID), new ApproveOrder(ORDER_ID))
                        .sameMessageIdsAsBefore().state(RUNNING).step("approve-order");
    }

    @Test
    void operatorCompensationWithoutAReasonNamesWhoForcedIt() {
        given().sagaStartedWith(DATA)
                .expect().command(new ReserveInventory(ORDER_ID, LINES))
                .andGivenOperatorCompensation("carol", " ")
                .expect().command(new ReleaseInventory(ORDER_ID))
                        .data(DATA.withFailureReason("compensation forced by carol"));
    }

    @Test
    void operatorActionsOnAnEndedSagaAreRefused() {
        completedSaga().operatorActionsRefused(
                "Saga " + ORDER_ID + " is COMPLETED; nothing to retry",
                "Saga " + ORDER_ID + " is COMPLETED; nothing to compensate");
        compensatedSaga().operatorActionsRefused(
                "Saga " + ORDER_ID + " is COMPENSATED; nothing to retry",
                "Saga " + ORDER_ID + " is COMPENSATED; nothing to compensate");
    }

    @Test
    void theFirstTryKeepsItsIdAndLaterTriesAppendTheirNumber() {
        assertThat(SagaCommand.messageIdFor(ORDER_ID, "charge-payment", "ChargePayment", Direction.FORWARD, 0))
                .isEqualTo(SagaCommand.messageIdFor(ORDER_ID, "charge-payment", "ChargePayment", Direction.FORWARD))
                .isEqualTo(id("charge-payment:ChargePayment:forward"));
        assertThat(SagaCommand.messageIdFor(ORDER_ID, "charge-payment", "ChargePayment", Direction.FORWARD, 2))
                .isEqualTo(id("charge-payment:ChargePayment:forward:try-2"));
    }

    /** The deterministic id of {@code sagaId:<name>}, spelled out here so that a change of format shows. */
    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes((ORDER_ID + ":" + name).getBytes(StandardCharsets.UTF_8));
    }

    private static SagaScenario<OrderSagaData>.Expectations atChargePayment(RetryPolicy policy) {
        return SagaScenario.given(CreateOrderSaga.DEFINITION, policy).sagaStartedWith(DATA)
                .expect().command(new ReserveInventory(ORDER_ID, LINES))
                .andGivenReply(new InventoryReserved(ORDER_ID))
                .expect().command(new ChargePayment(ORDER_ID, CUSTOMER, TOTAL)).state(RUNNING)
                        .step("charge-payment").attempts(1);
    }

    private static SagaScenario<OrderSagaData>.Expectations atApproveOrder(RetryPolicy policy) {
        return atChargePayment(policy)
                .andGivenReply(new PaymentCharged(ORDER_ID, UUID.randomUUID(), TOTAL))
                .expect().commands(new ConfirmReservation(ORDER_ID), new ApproveOrder(ORDER_ID)).state(RUNNING)
                        .step("approve-order").attempts(1);
    }

    private static SagaScenario<OrderSagaData>.Expectations completedSaga() {
        return atApproveOrder(new RetryPolicy(3))
                .andGivenReply(new OrderApproved(ORDER_ID, TOTAL))
                .expect().state(COMPLETED);
    }

    /** Cancelled while reserving, then compensated. */
    private static SagaScenario<OrderSagaData>.Expectations compensatedSaga() {
        return given().sagaStartedWith(DATA)
                .expect().command(new ReserveInventory(ORDER_ID, LINES))
                .andGivenCancellation("changed my mind")
                .expect().command(new ReleaseInventory(ORDER_ID))
                .andGivenReply(new InventoryReleased(ORDER_ID))
                .expect().command(new RejectOrder(ORDER_ID, "cancelled: changed my mind"))
                .andGivenReply(new OrderCancelled(ORDER_ID, "changed my mind"))
                .expect().state(COMPENSATED);
    }

    private static List<SagaCommand> commandsOfASagaCompensatedAfterPaymentDeclined() {
        return given().sagaStartedWith(DATA)
                .expect().command(new ReserveInventory(ORDER_ID, LINES)).state(RUNNING)
                .andGivenReply(new InventoryReserved(ORDER_ID))
                .expect().command(new ChargePayment(ORDER_ID, CUSTOMER, TOTAL)).state(RUNNING)
                .andGivenReply(new PaymentDeclined(ORDER_ID, "insufficient funds"))
                .expect().command(new ReleaseInventory(ORDER_ID)).state(COMPENSATING)
                .andGivenReply(new InventoryReleased(ORDER_ID))
                .expect().command(new RejectOrder(ORDER_ID, "payment declined: insufficient funds"))
                        .state(COMPENSATING)
                .andGivenReply(new OrderRejected(ORDER_ID, "payment declined: insufficient funds"))
                .expect().noCommands().state(COMPENSATED)
                .sentCommands();
    }
}
