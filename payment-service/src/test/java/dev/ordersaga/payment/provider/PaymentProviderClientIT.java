package dev.ordersaga.payment.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ordersaga.payment.money.Money;
import dev.ordersaga.provider.Behaviour;
import dev.ordersaga.provider.PaymentProviderSimulator;
import dev.ordersaga.provider.ProviderStats;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client's mapping of the provider's answers and failures, against the simulator over real HTTP, without
 * Spring: the same decoration as in the service, with small numbers so that it runs in moments. That the
 * service's own {@code resilience4j.*} settings retry and count the same way is shown by PaymentProviderIT.
 */
class PaymentProviderClientIT {

    /** Generous enough for the first call of a cold JVM; the slow-provider test sets a short one. */
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SHORT_ATTEMPT_TIMEOUT = Duration.ofMillis(300);

    private final PaymentProviderSimulator provider = PaymentProviderSimulator.start(0, Behaviour.normal());
    private final Retry retry = Retry.of("test", RetryConfig.custom()
            .maxAttempts(3)
            .waitDuration(Duration.ofMillis(10))
            .retryExceptions(IOException.class, TimeoutException.class, ProviderServerErrorException.class)
            .build());
    private final Bulkhead bulkhead = Bulkhead.of("test", BulkheadConfig.custom()
            .maxConcurrentCalls(1)
            .maxWaitDuration(Duration.ZERO)
            .build());
    private final CircuitBreaker circuitBreaker = CircuitBreaker.of("test", CircuitBreakerConfig.custom()
            .minimumNumberOfCalls(100)
            .recordExceptions(IOException.class, TimeoutException.class, ProviderServerErrorException.class)
            .ignoreExceptions(ProviderRejectedException.class)
            .build());
    private TimeLimiter timeLimiter = timeLimiter(ATTEMPT_TIMEOUT);
    private final String chargeKey = "charge-" + UUID.randomUUID();

    @AfterEach
    void stop() {
        provider.close();
    }

    @Test
    void aCaptureAnswersTheProvidersChargeIdAndARefundItsRefund() {
        PaymentProviderClient client = clientOf(provider.baseUrl());

        ProviderCharge charge = client.charge(chargeKey, "c-1", Money.of(1234, "EUR"), "order-1");
        ProviderRefund refund = client.refund("refund-1", chargeKey);
        ProviderRefund nothing = client.refund("refund-2", "charge-never-made");

        assertThat(charge).isInstanceOfSatisfying(ProviderCharge.Captured.class,
                captured -> assertThat(captured.chargeId()).startsWith("ch_"));
        assertThat(refund).isInstanceOfSatisfying(ProviderRefund.Refunded.class,
                refunded -> assertThat(refunded.refundId()).startsWith("re_"));
        assertThat(nothing).isEqualTo(new ProviderRefund.NothingCaptured());
    }

    @Test
    void theLookupOfAKeyAnswersWhatTheProviderHoldsWithoutChangingIt() {
        PaymentProviderClient client = clientOf(provider.baseUrl());
        String refundedKey = "charge-" + UUID.randomUUID();
        ProviderCharge.Captured captured =
                (ProviderCharge.Captured) client.charge(chargeKey, "c-1", Money.of(1234, "EUR"), "order-1");
        ProviderCharge.Captured refunded =
                (ProviderCharge.Captured) client.charge(refundedKey, "c-1", Money.of(50, "USD"), "order-2");
        client.refund("refund-2", refundedKey);
        ProviderStats before = provider.stats();

        assertThat(client.captureUnder(chargeKey))
                .isEqualTo(new ProviderCapture.Captured(captured.chargeId(), Money.of(1234, "EUR")));
        assertThat(client.captureUnder(refundedKey))
                .isEqualTo(new ProviderCapture.Refunded(refunded.chargeId(), Money.of(50, "USD")));
        assertThat(client.captureUnder("charge-never-made")).isEqualTo(new ProviderCapture.NotCaptured());
        assertThat(provider.stats()).isEqualTo(before);
    }

    @Test
    void aLookupThatKeepsFailingIsUnavailable() {
        provider.behaviour(Behaviour.normal().withFailures(1.0, 503));

        assertThatThrownBy(() -> clientOf(provider.baseUrl()).captureUnder(chargeKey))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("HTTP 503")
                .hasMessageContaining("after 3 attempts");
    }

    @Test
    void aDeclineIsAnAnswerNeverRetried() {
        provider.behaviour(Behaviour.normal().withDeclinedCustomers("c-bad"));

        ProviderCharge charge = clientOf(provider.baseUrl()).charge(chargeKey, "c-bad", Money.of(1, "EUR"), "o");

        assertThat(charge).isEqualTo(new ProviderCharge.Declined("card declined"));
        assertThat(provider.stats()).isEqualTo(new ProviderStats(0, 1, 0, 0, 0, 0));
        assertThat(circuitBreaker.getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void aRefusedRequestIsNeitherRetriedNorHeldAgainstTheProvider() {
        PaymentProviderClient client = clientOf(provider.baseUrl());
        client.charge(chargeKey, "c-1", Money.of(100, "EUR"), "o");

        assertThatThrownBy(() -> client.charge(chargeKey, "c-1", Money.of(999, "EUR"), "o"))
                .isInstanceOf(ProviderRejectedException.class)
                .hasMessageContaining("409");
        assertThat(provider.stats().replays()).isZero();
        assertThat(retry.getMetrics().getNumberOfFailedCallsWithRetryAttempt()).isZero();
        assertThat(circuitBreaker.getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void serverErrorsAreRetriedUpToTheLastAttemptThenUnavailable() {
        provider.behaviour(Behaviour.normal().withFailures(1.0, 502));
        PaymentProviderClient client = clientOf(provider.baseUrl());

        assertThatThrownBy(() -> client.charge(chargeKey, "c-1", Money.of(100, "EUR"), "o"))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("HTTP 502")
                .hasMessageContaining("after 3 attempts");
        assertThat(provider.stats().injectedFailures()).isEqualTo(3);
        assertThat(circuitBreaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(3);
    }

    @Test
    void aProviderThatIsNotListeningIsUnavailable() throws IOException {
        URI nobodyListens;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobodyListens = URI.create("http://localhost:" + socket.getLocalPort());
        }

        assertThatThrownBy(() -> clientOf(nobodyListens).refund("refund-1", chargeKey))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThat(retry.getMetrics().getNumberOfFailedCallsWithRetryAttempt()).isEqualTo(1);
    }

    @Test
    void theTimeLimiterEndsEachSlowAttemptInsteadOfWaitingForTheAnswer() {
        provider.behaviour(Behaviour.normal().withLatencyMs(2_000));
        timeLimiter = timeLimiter(SHORT_ATTEMPT_TIMEOUT);
        PaymentProviderClient client = clientOf(provider.baseUrl());

        long started = System.nanoTime();
        assertThatThrownBy(() -> client.charge(chargeKey, "c-1", Money.of(100, "EUR"), "o"))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("no answer within 300 ms");

        // Three attempts of 300 ms, not three answers of 2 s.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_800));
        assertThat(circuitBreaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(3);
    }

    @Test
    void aFullBulkheadTurnsACallAwayAtOnceWithoutCountingItAgainstTheProvider() {
        // Long enough that the call is still in flight when the second one is tried on a busy machine, within the
        // 2 s attempt timeout.
        provider.behaviour(Behaviour.normal().withLatencyMs(1_000));
        PaymentProviderClient client = clientOf(provider.baseUrl());
        CompletableFuture<ProviderCharge> inFlight = CompletableFuture.supplyAsync(
                () -> client.charge(chargeKey, "c-1", Money.of(100, "EUR"), "o"));
        await().atMost(Duration.ofSeconds(5)).until(() -> bulkhead.getMetrics().getAvailableConcurrentCalls() == 0);

        assertThatThrownBy(() -> client.charge("charge-other", "c-1", Money.of(100, "EUR"), "o"))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("bulkhead");

        assertThat(inFlight.join()).isInstanceOf(ProviderCharge.Captured.class);
        assertThat(circuitBreaker.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(provider.stats().chargesCaptured()).isEqualTo(1);
    }

    @Test
    void anOpenCircuitTurnsCallsAwayWithoutReachingTheProvider() {
        circuitBreaker.transitionToOpenState();

        assertThatThrownBy(() -> clientOf(provider.baseUrl()).charge(chargeKey, "c-1", Money.of(1, "EUR"), "o"))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("circuit breaker test is open");
        assertThat(provider.stats()).isEqualTo(new ProviderStats(0, 0, 0, 0, 0, 0));
    }

    private static TimeLimiter timeLimiter(Duration timeout) {
        return TimeLimiter.of(TimeLimiterConfig.custom().timeoutDuration(timeout).cancelRunningFuture(true).build());
    }

    private PaymentProviderClient clientOf(URI url) {
        PaymentProviderProperties properties =
                new PaymentProviderProperties(url, Duration.ofMillis(500), Duration.ofSeconds(5));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout()).build();
        ObjectMapper json = new ObjectMapper();
        return new PaymentProviderClient(new ProviderHttp(http, properties, json),
                new ProviderResilience(retry, bulkhead, circuitBreaker, timeLimiter), json);
    }
}
