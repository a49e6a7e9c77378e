package dev.ordersaga.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.ordersaga.payment.PaymentIntegrationTest;
import dev.ordersaga.provider.Behaviour;
import dev.ordersaga.provider.ProviderStats;
import dev.ordersaga.schema.Money;
import dev.ordersaga.schema.payment.ChargePayment;
import dev.ordersaga.schema.payment.PaymentCharged;
import dev.ordersaga.schema.payment.PaymentDeclined;
import dev.ordersaga.schema.payment.PaymentRefunded;
import dev.ordersaga.schema.payment.PaymentUnavailable;
import dev.ordersaga.schema.payment.RefundPayment;
import dev.ordersaga.testkit.KafkaTestClient;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Charging through the simulated provider when it declines, fails, times out or is away: the commands travel
 * through Kafka and the replies come back through the outbox relay, as in production. The test configuration
 * shortens the time limiter to 1 s and the circuit's open state to 1 s (see {@link PaymentIntegrationTest}).
 */
class PaymentProviderIT extends PaymentIntegrationTest {

    /** Longer than the tests' 1 s time limiter: the provider does the work, its answer comes too late. */
    private static final long LOST_ANSWER_LATENCY_MS = 1_500;

    private final KafkaTestClient kafka = kafka();
    private final UUID orderId = UUID.randomUUID();
    private final String customer = uniqueCustomer();
    private final ChargePayment charge = new ChargePayment(orderId, customer, Money.of(2_500, "EUR"));

    @Test
    void aProviderDeclineIsAFinalDeclineWithTheProvidersReason() {
        seedAccount(customer, 10_000, "EUR");
        provider.behaviour(Behaviour.normal().withDeclinedCustomers(customer));
        ProviderStats before = provider.stats();

        kafka.send(charge);

        assertThat(kafka.awaitMessage(orderId, PaymentDeclined.class).reason()).isEqualTo("card declined");
        assertThat(balanceOf(customer)).isEqualTo(10_000);
        assertThat(paymentStatus()).isEqualTo("DECLINED");
        assertThat(provider.stats().chargesDeclined() - before.chargesDeclined()).isEqualTo(1);
        assertThat(provider.stats().chargesCaptured()).isEqualTo(before.chargesCaptured());
        // A retried decline would have been answered from the provider's idempotency store.
        assertThat(provider.stats().replays()).isEqualTo(before.replays());
    }

    @Test
    void transientFailuresWithinTheRetryBudgetStillChargeOnce() {
        seedAccount(customer, 10_000, "EUR");
        // java.util.Random's sequence is specified: with seed 4097 the first two attempts fail, the third passes.
        provider.behaviour(Behaviour.normal().withFailures(0.5, 503).withSeed(4097));
        ProviderStats before = provider.stats();

        kafka.send(charge);

        PaymentCharged charged = kafka.awaitMessage(orderId, PaymentCharged.class);
        assertThat(charged.amount()).isEqualTo(Money.of(2_500, "EUR"));
        assertThat(provider.stats().injectedFailures() - before.injectedFailures()).isEqualTo(2);
        assertThat(provider.stats().chargesCaptured() - before.chargesCaptured()).isEqualTo(1);
        assertThat(balanceOf(customer)).isEqualTo(7_500);
        assertThat(providerChargeId()).startsWith("ch_");
    }

    @Test
    void aSagaRetryAfterALostCaptureAnswerGetsTheSameCaptureNotASecondOne() {
        seedAccount(customer, 10_000, "EUR");
        ProviderStats before = provider.stats();
        provider.behaviour(Behaviour.normal().withLatencyMs(LOST_ANSWER_LATENCY_MS));

        kafka.send(charge);
        assertThat(kafka.awaitMessage(orderId, PaymentUnavailable.class).reason()).contains("no answer within");
        assertThat(paymentCount()).isZero();
        awaitCapturesSince(before, 1);
        provider.behaviour(Behaviour.normal());
        kafka.send(charge);

        kafka.awaitMessage(orderId, PaymentCharged.class);
        assertThat(provider.stats().chargesCaptured() - before.chargesCaptured()).isEqualTo(1);
        assertThat(provider.stats().replays()).isGreaterThan(before.replays());
        assertThat(balanceOf(customer)).isEqualTo(7_500);
        assertThat(paymentStatus()).isEqualTo("CHARGED");
    }

    @Test
    void aRefundAfterALostCaptureAnswerRefundsAtTheProviderAndClosesTheOrder() {
        seedAccount(customer, 10_000, "EUR");
        ProviderStats before = provider.stats();
        provider.behaviour(Behaviour.normal().withLatencyMs(LOST_ANSWER_LATENCY_MS));
        kafka.send(charge);
        kafka.awaitMessage(orderId, PaymentUnavailable.class);
        awaitCapturesSince(before, 1);
        provider.behaviour(Behaviour.normal());

        kafka.send(new RefundPayment(orderId));

        assertThat(kafka.awaitMessage(orderId, PaymentRefunded.class))
                .isEqualTo(new PaymentRefunded(orderId, Money.of(0, "EUR")));
        assertThat(provider.stats().refunds() - before.refunds()).isEqualTo(1);
        assertThat(paymentStatus()).isEqualTo("DECLINED");
        assertThat(balanceOf(customer)).isEqualTo(10_000);
        kafka.send(charge);
        assertThat(kafka.awaitMessage(orderId, PaymentDeclined.class).reason())
                .contains("refunded before it was charged");
        assertThat(provider.stats().chargesCaptured() - before.chargesCaptured()).isEqualTo(1);
        assertThat(balanceOf(customer)).isEqualTo(10_000);
    }

    @Test
    void aRefundThatCannotReachTheProviderChangesNothingAndARetryRefunds() {
        seedAccount(customer, 10_000, "EUR");
        kafka.send(charge);
        kafka.awaitMessage(orderId, PaymentCharged.class);
        ProviderStats before = provider.stats();
        provider.behaviour(Behaviour.normal().withFailures(1.0, 503));

        kafka.send(new RefundPayment(orderId));
        assertThat(kafka.awaitMessage(orderId, PaymentUnavailable.class).reason()).contains("HTTP 503");
        assertThat(paymentStatus()).isEqualTo("CHARGED");
        assertThat(balanceOf(customer)).isEqualTo(7_500);
        provider.behaviour(Behaviour.normal());
        kafka.send(new RefundPayment(orderId));

        assertThat(kafka.awaitMessage(orderId, PaymentRefunded.class))
                .isEqualTo(new PaymentRefunded(orderId, Money.of(2_500, "EUR")));
        assertThat(provider.stats().refunds() - before.refunds()).isEqualTo(1);
        assertThat(balanceOf(customer)).isEqualTo(10_000);
        assertThat(paymentStatus()).isEqualTo("REFUNDED");
    }

    @Test
    void aProviderThatKeepsFailingOpensTheCircuitWithoutTakingTheServiceDownAndRecoveryChargesAgain()
            throws Exception {
        seedAccount(customer, 10_000, "EUR");
        UUID otherOrder = UUID.randomUUID();
        provider.behaviour(Behaviour.normal().withFailures(1.0, 503));

        UUID firstAttempt = kafka.send(charge);
        assertThat(kafka.awaitMessage(orderId, PaymentUnavailable.class).reason()).contains("HTTP 503");
        kafka.send(new ChargePayment(otherOrder, customer, Money.of(100, "EUR")));
        assertThat(kafka.awaitMessage(otherOrder, PaymentUnavailable.class).reason()).contains("is open");

        assertThat(providerCircuit().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(paymentCount()).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM payments WHERE order_id = ?", Integer.class,
                otherOrder)).isZero();
        assertThat(balanceOf(customer)).isEqualTo(10_000);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM inbox WHERE message_id = ?", Integer.class,
                firstAttempt)).isEqualTo(1);
        mockMvc.perform(get("/actuator/circuitbreakers"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.circuitBreakers.paymentProvider.state").value("OPEN"));
        mockMvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.circuitBreakers.details.paymentProvider.status")
                        .value("CIRCUIT_OPEN"));

        provider.behaviour(Behaviour.normal());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> providerCircuit().getState() == CircuitBreaker.State.HALF_OPEN);
        kafka.send(charge);

        kafka.awaitMessage(orderId, PaymentCharged.class);
        assertThat(balanceOf(customer)).isEqualTo(7_500);
        assertThat(paymentStatus()).isEqualTo("CHARGED");
    }

    private void awaitCapturesSince(ProviderStats before, long captures) {
        await("the provider's capture").atMost(Duration.ofSeconds(10))
                .until(() -> provider.stats().chargesCaptured() - before.chargesCaptured() == captures);
    }

    private String paymentStatus() {
        return jdbc.queryForObject("SELECT status FROM payments WHERE order_id = ?", String.class, orderId);
    }

    private String providerChargeId() {
        return jdbc.queryForObject("SELECT provider_charge_id FROM payments WHERE order_id = ?", String.class,
                orderId);
    }

    private int paymentCount() {
        return jdbc.queryForObject("SELECT count(*) FROM payments WHERE order_id = ?", Integer.class, orderId);
    }
}
