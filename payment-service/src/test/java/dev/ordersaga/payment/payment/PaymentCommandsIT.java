package dev.ordersaga.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.payment.PaymentIntegrationTest;
import dev.ordersaga.schema.Money;
import dev.ordersaga.schema.payment.ChargePayment;
import dev.ordersaga.schema.payment.PaymentCharged;
import dev.ordersaga.schema.payment.PaymentDeclined;
import dev.ordersaga.schema.payment.PaymentRefunded;
import dev.ordersaga.schema.payment.RefundPayment;
import dev.ordersaga.testkit.KafkaTestClient;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The commands travel through Kafka and the replies come back through the outbox relay, as in production. */
class PaymentCommandsIT extends PaymentIntegrationTest {

    private final KafkaTestClient kafka = kafka();
    private final UUID orderId = UUID.randomUUID();
    private final String customer = uniqueCustomer();

    @Test
    void aChargeDebitsTheAccountAndRepliesPaymentChargedKeyedByOrder() {
        seedAccount(customer, 10_000, "EUR");

        kafka.send(new ChargePayment(orderId, customer, Money.of(2_500, "EUR")));

        PaymentCharged reply = kafka.awaitMessage(orderId, PaymentCharged.class);
        assertThat(reply.orderId()).isEqualTo(orderId);
        assertThat(reply.amount()).isEqualTo(Money.of(2_500, "EUR"));
        assertThat(balanceOf(customer)).isEqualTo(7_500);
        assertThat(paymentRow()).isEqualTo(List.of(reply.paymentId().toString(), "CHARGED", "2500"));
    }

    @Test
    void theSameChargeWithANewMessageIdChargesOnceAndRepliesTheSamePayment() {
        seedAccount(customer, 10_000, "EUR");
        ChargePayment charge = new ChargePayment(orderId, customer, Money.of(2_500, "EUR"));

        kafka.send(charge);
        kafka.send(charge);

        List<PaymentCharged> replies = kafka.awaitMessages(orderId, PaymentCharged.class, 2);
        assertThat(replies.get(1)).isEqualTo(replies.get(0));
        assertThat(balanceOf(customer)).isEqualTo(7_500);
        assertThat(paymentCount()).isEqualTo(1);
    }

    @Test
    void insufficientFundsDeclineWithoutDebitAndAreRecorded() {
        seedAccount(customer, 1_000, "EUR");

        kafka.send(new ChargePayment(orderId, customer, Money.of(2_500, "EUR")));

        assertThat(kafka.awaitMessage(orderId, PaymentDeclined.class).reason()).startsWith("insufficient funds");
        assertThat(balanceOf(customer)).isEqualTo(1_000);
        assertThat(paymentRow()).element(1).isEqualTo("DECLINED");
    }

    @Test
    void anUnknownAccountOrAnotherCurrencyDeclines() {
        UUID otherOrder = UUID.randomUUID();
        seedAccount(customer, 10_000, "EUR");

        kafka.send(new ChargePayment(orderId, uniqueCustomer(), Money.of(100, "EUR")));
        kafka.send(new ChargePayment(otherOrder, customer, Money.of(100, "USD")));

        assertThat(kafka.awaitMessage(orderId, PaymentDeclined.class).reason()).startsWith("unknown account");
        assertThat(kafka.awaitMessage(otherOrder, PaymentDeclined.class).reason()).startsWith("currency mismatch");
        assertThat(balanceOf(customer)).isEqualTo(10_000);
    }

    @Test
    void aRefundCreditsTheChargeBackOnceEvenWhenAskedTwice() {
        seedAccount(customer, 10_000, "EUR");
        kafka.send(new ChargePayment(orderId, customer, Money.of(2_500, "EUR")));
        kafka.awaitMessage(orderId, PaymentCharged.class);

        kafka.send(new RefundPayment(orderId));
        kafka.send(new RefundPayment(orderId));

        assertThat(kafka.awaitMessages(orderId, PaymentRefunded.class, 2))
                .containsOnly(new PaymentRefunded(orderId, Money.of(2_500, "EUR")));
        assertThat(balanceOf(customer)).isEqualTo(10_000);
        assertThat(paymentRow()).element(1).isEqualTo("REFUNDED");
    }

    @Test
    void refundingADeclinedPaymentRefundsZeroInTheOrdersCurrency() {
        seedAccount(customer, 100, "USD");
        kafka.send(new ChargePayment(orderId, customer, Money.of(2_500, "USD")));
        kafka.awaitMessage(orderId, PaymentDeclined.class);

        kafka.send(new RefundPayment(orderId));

        assertThat(kafka.awaitMessage(orderId, PaymentRefunded.class))
                .isEqualTo(new PaymentRefunded(orderId, Money.of(0, "USD")));
        assertThat(balanceOf(customer)).isEqualTo(100);
    }

    @Test
    void aRefundBeforeAnyChargeClosesTheOrderSoALateChargeTakesNothing() {
        seedAccount(customer, 10_000, "EUR");

        kafka.send(new RefundPayment(orderId));
        assertThat(kafka.awaitMessage(orderId, PaymentRefunded.class))
                .isEqualTo(new PaymentRefunded(orderId, Money.of(0, "EUR")));
        kafka.send(new ChargePayment(orderId, customer, Money.of(2_500, "EUR")));

        assertThat(kafka.awaitMessage(orderId, PaymentDeclined.class).reason()).contains("refunded before it was charged");
        assertThat(balanceOf(customer)).isEqualTo(10_000);
        assertThat(paymentCount()).isEqualTo(1);
    }

    private List<String> paymentRow() {
        return jdbc.queryForObject("SELECT id, status, amount FROM payments WHERE order_id = ?",
                (row, i) -> List.of(row.getString("id"), row.getString("status"), row.getString("amount")), orderId);
    }

    private int paymentCount() {
        return jdbc.queryForObject("SELECT count(*) FROM payments WHERE order_id = ?", Integer.class, orderId);
    }
}
