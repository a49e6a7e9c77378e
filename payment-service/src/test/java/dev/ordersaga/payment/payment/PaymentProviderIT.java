package dev.ordersaga.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ordersaga.payment.PaymentIntegrationTest;
import dev.ordersaga.payment.provider.PaymentProvider;
import dev.ordersaga.payment.provider.ProviderCharge;
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
import io.github.resilience4j.retry.RetryRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Charging through the simulated provider when it declines, fails, times out or is away: the commands travel
 * through Kafka and the replies come back through the outbox relay, as in production. The test configuration
 * shortens the time limiter to 1 s and the circuit's open state to 3 s (see {@link PaymentIntegrationTest}).
 */
class PaymentProviderIT extends PaymentIntegrationTest {

    /** Longer than the tests' 1 s time limiter: the provider does the work, its answer comes too late. */
    private static final long LOST_ANSWER_LATENCY_MS = 1_500;

    /** Shorter than the tests' 1 s time limiter: the charge is answered, but late enough to be watched. */
    private static final long HELD_ANSWER_MS = 600;

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper json = new ObjectMapper();

    @Autowired
    private RetryRegistry retries;

    @Autowired
    private PaymentProvider providerClient;

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
    void aSagaRetryAfterALostCaptureAnswerGetsTheSameCaptureNotASecondOne() throws Exception {
        seedAccount(customer, 10_000, "EUR");
        ProviderStats before = provider.stats();

        loseTheAnswerOfTheCapture();
        assertThat(paymentCount()).isZero();
        assertThat(chargeInDoubt()).isTrue();
        kafka.send(charge);

        kafka.awaitMessage(orderId, PaymentCharged.class);
        assertThat(provider.stats().chargesCaptured() - before.chargesCaptured()).isEqualTo(1);
        assertThat(providerChargeId()).isEqualTo(captureAtProvider().orElseThrow().get("chargeId").asText());
        assertThat(balanceOf(customer)).isEqualTo(7_500);
        assertThat(paymentStatus()).isEqualTo("CHARGED");
        assertThat(chargeInDoubt()).isFalse();
    }

    @Test
    void theMarkerIsCommittedBeforeTheProviderIsCalledAndSettledWithThePayment() throws Exception {
        seedAccount(customer, 10_000, "EUR");
        provider.behaviour(Behaviour.normal().withAnswerDelayMs(HELD_ANSWER_MS));

        kafka.send(charge);

        // Seen from this test's own connection while the provider holds its answer: the capture is made and no
        // payment recorded, yet the marker is already committed.
        await("the capture at the provider").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> captureAtProvider().isPresent());
        assertThat(chargeInDoubt()).isTrue();
        assertThat(paymentCount()).isZero();
        kafka.awaitMessage(orderId, PaymentCharged.class);
        assertThat(chargeInDoubt()).isFalse();
        assertThat(paymentStatus()).isEqualTo("CHARGED");
    }

    @Test
    void noTransactionIsOpenWhileTheProviderHoldsItsAnswer() throws Exception {
        seedAccount(customer, 10_000, "EUR");
        provider.behaviour(Behaviour.normal().withAnswerDelayMs(HELD_ANSWER_MS));

        kafka.send(charge);

        await("the capture at the provider").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> captureAtProvider().isPresent());
        // A transaction that had written the inbox row or read the account would hold its table locks until it
        // ends, after the provider's answer.
        assertThat(sessionsLockingTheChargesTables()).isEmpty();
        kafka.awaitMessage(orderId, PaymentCharged.class);
        assertThat(balanceOf(customer)).isEqualTo(7_500);
    }

    @Test
    void noTransactionIsOpenWhileTheProviderHoldsItsAnswerToARefund() throws Exception {
        seedAccount(customer, 10_000, "EUR");
        kafka.send(charge);
        kafka.awaitMessage(orderId, PaymentCharged.class);
        provider.behaviour(Behaviour.normal().withAnswerDelayMs(HELD_ANSWER_MS));

        kafka.send(new RefundPayment(orderId));

        await("the refund at the provider").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> "refunded".equals(captureAtProvider().orElseThrow().get("status").asText()));
        assertThat(sessionsLockingTheChargesTables()).isEmpty();
        assertThat(kafka.awaitMessage(orderId, PaymentRefunded.class))
                .isEqualTo(new PaymentRefunded(orderId, Money.of(2_500, "EUR")));
        assertThat(balanceOf(customer)).isEqualTo(10_000);
        assertThat(paymentStatus()).isEqualTo("REFUNDED");
    }

    @Test
    void aBalanceDrainedWhileTheProviderCapturesKeepsTheOrderInDoubtAndTheRetryRefundsTheCapture()
            throws Exception {
        seedAccount(customer, 10_000, "EUR");
        ProviderStats before = provider.stats();
        captureWhileTheBalanceDrainsTo(1_000);

        kafka.send(charge);

        assertThat(kafka.awaitMessage(orderId, PaymentDeclined.class).reason()).startsWith("insufficient funds");
        assertThat(captureAtProvider().orElseThrow().get("status").asText()).isEqualTo("refunded");
        assertThat(provider.stats().chargesCaptured() - before.chargesCaptured()).isEqualTo(1);
        assertThat(provider.stats().refunds() - before.refunds()).isEqualTo(1);
        assertThat(paymentStatus()).isEqualTo("DECLINED");
        assertThat(balanceOf(customer)).isEqualTo(1_000);
        assertThat(chargeInDoubt()).isFalse();
    }

    @Test
    void aBalanceToppedUpAgainBeforeTheRetryIsChargedWithTheCaptureMadeMeanwhile() throws Exception {
        seedAccount(customer, 10_000, "EUR");
        ProviderStats before = provider.stats();
        captureWhileTheBalanceDrainsTo(1_000);
        jdbc.update("UPDATE accounts SET balance_amount = 10000, version = version + 1 WHERE customer_id = ?",
                customer);

        kafka.send(charge);

        kafka.awaitMessage(orderId, PaymentCharged.class);
        assertThat(providerChargeId()).isEqualTo(captureAtProvider().orElseThrow().get("chargeId").asText());
        assertThat(provider.stats().chargesCaptured() - before.chargesCaptured()).isEqualTo(1);
        assertThat(balanceOf(customer)).isEqualTo(7_500);
        assertThat(chargeInDoubt()).isFalse();
    }

    @Test
    void aLostCaptureFollowedByADrainedBalanceIsRefundedAtTheProviderAndDeclined() throws Exception {
        seedAccount(customer, 10_000, "EUR");
        ProviderStats before = provider.stats();
        captureWhoseAnswerWasLost();
        drainTheBalanceTo(1_000);

        kafka.send(charge);

        assertThat(kafka.awaitMessage(orderId, PaymentDeclined.class).reason()).startsWith("insufficient funds");
        JsonNode capture = captureAtProvider().orElseThrow();
        assertThat(capture.get("status").asText()).isEqualTo("refunded");
        assertThat(capture.get("refundId").asText()).startsWith("re_");
        assertThat(provider.stats().refunds() - before.refunds()).isEqualTo(1);
        assertThat(paymentStatus()).isEqualTo("DECLINED");
        assertThat(balanceOf(customer)).isEqualTo(1_000);
        assertThat(chargeInDoubt()).isFalse();
    }

    @Test
    void aLostCaptureWithTheBalanceStillThereIsChargedWithTheProvidersCaptureAndNoOther() throws Exception {
        seedAccount(customer, 10_000, "EUR");
        ProviderStats before = provider.stats();
        String lostChargeId = captureWhoseAnswerWasLost();

        kafka.send(charge);

        assertThat(kafka.awaitMessage(orderId, PaymentCharged.class).amount()).isEqualTo(Money.of(2_500, "EUR"));
        assertThat(providerChargeId()).isEqualTo(lostChargeId);
        assertThat(captureAtProvider().orElseThrow().get("status").asText()).isEqualTo("captured");
        assertThat(provider.stats().chargesCaptured() - before.chargesCaptured()).isEqualTo(1);
        assertThat(paymentStatus()).isEqualTo("CHARGED");
        assertThat(balanceOf(customer)).isEqualTo(7_500);
        assertThat(chargeInDoubt()).isFalse();
    }

    @Test
    void aRefundAfterALostCaptureAnswerRefundsAtTheProviderAndClosesTheOrder() {
        seedAccount(customer, 10_000, "EUR");
        ProviderStats before = provider.stats();
        loseTheAnswerOfTheCapture();

        kafka.send(new RefundPayment(orderId));

        assertThat(kafka.awaitMessage(orderId, PaymentRefunded.class))
                .isEqualTo(new PaymentRefunded(orderId, Money.of(0, "EUR")));
        assertThat(provider.stats().refunds() - before.refunds()).isEqualTo(1);
        assertThat(paymentStatus()).isEqualTo("DECLINED");
        assertThat(balanceOf(customer)).isEqualTo(10_000);
        assertThat(chargeInDoubt()).isFalse();
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
    void aRetryDeclinedHereAfterALostCaptureAnswerRefundsTheCaptureAtTheProviderFirst() {
        seedAccount(customer, 10_000, "EUR");
        ProviderStats before = provider.stats();
        loseTheAnswerOfTheCapture();
        assertThat(paymentCount()).isZero();
        assertThat(chargeInDoubt()).isTrue();
        drainTheBalanceTo(1_000);

        kafka.send(charge);

        assertThat(kafka.awaitMessage(orderId, PaymentDeclined.class).reason()).startsWith("insufficient funds");
        assertThat(provider.stats().refunds() - before.refunds()).isEqualTo(1);
        assertThat(paymentStatus()).isEqualTo("DECLINED");
        assertThat(balanceOf(customer)).isEqualTo(1_000);
        assertThat(chargeInDoubt()).isFalse();
    }

    @Test
    void aRetryDeclinedHereAfterALostCaptureAnswerWaitsWhileTheProviderCannotBeReached() {
        seedAccount(customer, 10_000, "EUR");
        ProviderStats before = provider.stats();
        loseTheAnswerOfTheCapture();
        drainTheBalanceTo(1_000);
        // The lost answers' timeouts count against the circuit: start from a closed one, so the refund's own
        // failures are what the reply reports.
        providerCircuit().reset();
        provider.behaviour(Behaviour.normal().withFailures(1.0, 503));

        kafka.send(charge);

        assertThat(kafka.awaitMessages(orderId, PaymentUnavailable.class, 2).get(1).reason()).contains("HTTP 503");
        assertThat(paymentCount()).isZero();
        assertThat(chargeInDoubt()).isTrue();
        assertThat(provider.stats().refunds()).isEqualTo(before.refunds());
        assertThat(balanceOf(customer)).isEqualTo(1_000);

        provider.behaviour(Behaviour.normal());
        kafka.send(charge);

        assertThat(kafka.awaitMessage(orderId, PaymentDeclined.class).reason()).startsWith("insufficient funds");
        assertThat(provider.stats().refunds() - before.refunds()).isEqualTo(1);
        assertThat(chargeInDoubt()).isFalse();
    }

    @Test
    void aDeclineHereWithoutAnEarlierUnansweredChargeAsksTheProviderNothing() {
        seedAccount(customer, 1_000, "EUR");
        ProviderStats before = provider.stats();

        kafka.send(charge);

        assertThat(kafka.awaitMessage(orderId, PaymentDeclined.class).reason()).startsWith("insufficient funds");
        assertThat(provider.stats()).isEqualTo(before);
        assertThat(paymentStatus()).isEqualTo("DECLINED");
        assertThat(chargeInDoubt()).isFalse();
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

    /**
     * Every attempt of the charge reaches the provider, which captures it, but answers after the time limit: the
     * service replies PaymentUnavailable. Returns once every attempt has landed at the provider (one capture, the
     * others answered from its idempotency store), so none of them lands in a later step of the test.
     */
    private void loseTheAnswerOfTheCapture() {
        ProviderStats before = provider.stats();
        int attempts = retries.retry("paymentProvider").getRetryConfig().getMaxAttempts();
        provider.behaviour(Behaviour.normal().withLatencyMs(LOST_ANSWER_LATENCY_MS));

        kafka.send(charge);

        assertThat(kafka.awaitMessage(orderId, PaymentUnavailable.class).reason()).contains("no answer within");
        await("every attempt at the provider").atMost(Duration.ofSeconds(10)).until(() -> {
            ProviderStats now = provider.stats();
            return now.chargesCaptured() - before.chargesCaptured() == 1
                    && now.replays() - before.replays() == attempts - 1;
        });
        provider.behaviour(Behaviour.normal());
    }

    /**
     * What a crash of the service between the provider's capture and its own commit leaves: the marker (committed
     * before the call), the capture at the provider under the order's key, and no payment, no reply.
     *
     * @return the capture's charge id
     */
    private String captureWhoseAnswerWasLost() {
        jdbc.update("INSERT INTO provider_charge_attempts (order_id, first_attempt_at) VALUES (?, now())", orderId);
        ProviderCharge captured = providerClient.charge(AccountCharger.chargeKey(orderId), customer,
                dev.ordersaga.payment.money.Money.of(2_500, "EUR"), orderId.toString());
        assertThat(paymentCount()).isZero();
        return ((ProviderCharge.Captured) captured).chargeId();
    }

    /**
     * Another writer (an account import, another instance's charge) takes the balance down to {@code left} after
     * the charge was prepared and while the provider holds its answer to the capture: the charge cannot be
     * recorded, and waits in doubt for the saga to ask again. Returns once that was answered.
     */
    private void captureWhileTheBalanceDrainsTo(long left) throws Exception {
        provider.behaviour(Behaviour.normal().withAnswerDelayMs(HELD_ANSWER_MS));
        kafka.send(charge);
        await("the capture at the provider").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> captureAtProvider().isPresent());
        jdbc.update("UPDATE accounts SET balance_amount = ?, version = version + 1 WHERE customer_id = ?", left,
                customer);

        assertThat(kafka.awaitMessage(orderId, PaymentUnavailable.class).reason()).contains("no longer covers");
        assertThat(paymentCount()).isZero();
        assertThat(chargeInDoubt()).isTrue();
        assertThat(balanceOf(customer)).isEqualTo(left);
        assertThat(captureAtProvider().orElseThrow().get("status").asText()).isEqualTo("captured");
        provider.behaviour(Behaviour.normal());
    }

    /** Other sessions holding a lock on a table a charge reads or writes in its transaction, with what they run. */
    private List<String> sessionsLockingTheChargesTables() {
        return jdbc.queryForList("""
                SELECT DISTINCT a.state || ': ' || a.query
                  FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                 WHERE l.relation IN ('inbox'::regclass, 'accounts'::regclass, 'payments'::regclass,
                                      'provider_charge_attempts'::regclass)
                   AND l.pid <> pg_backend_pid()""", String.class);
    }

    /** The provider's reporting API on the order's charge key. */
    private Optional<JsonNode> captureAtProvider() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(provider.baseUrl()
                + "/v1/charges?idempotencyKey=" + AccountCharger.chargeKey(orderId))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode captures = json.readTree(response.body()).get("data");
        assertThat(captures.size()).isLessThanOrEqualTo(1);
        return captures.isEmpty() ? Optional.empty() : Optional.of(captures.get(0));
    }

    /** Another order of the same customer takes all but {@code left} of the balance. */
    private void drainTheBalanceTo(long left) {
        UUID otherOrder = UUID.randomUUID();
        kafka.send(new ChargePayment(otherOrder, customer, Money.of(balanceOf(customer) - left, "EUR")));
        kafka.awaitMessage(otherOrder, PaymentCharged.class);
        assertThat(balanceOf(customer)).isEqualTo(left);
    }

    private boolean chargeInDoubt() {
        return jdbc.queryForObject("SELECT count(*) FROM provider_charge_attempts WHERE order_id = ?", Integer.class,
                orderId) == 1;
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
