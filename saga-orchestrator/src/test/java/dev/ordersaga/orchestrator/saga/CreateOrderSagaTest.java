package dev.ordersaga.orchestrator.saga;

import static dev.ordersaga.orchestrator.saga.HistoryType.COMMAND_SENT;
import static dev.ordersaga.orchestrator.saga.HistoryType.REPLY_RECEIVED;
import static dev.ordersaga.orchestrator.saga.HistoryType.STARTED;
import static dev.ordersaga.orchestrator.saga.HistoryType.STATE_CHANGED;
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
import dev.ordersaga.schema.order.OrderRejected;
import dev.ordersaga.schema.order.RejectOrder;
import dev.ordersaga.schema.payment.ChargePayment;
import dev.ordersaga.schema.payment.PaymentCharged;
import dev.ordersaga.schema.payment.PaymentDeclined;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
