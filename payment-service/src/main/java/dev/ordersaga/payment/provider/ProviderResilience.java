package dev.ordersaga.payment.provider;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Wraps one provider call as Retry(Bulkhead(CircuitBreaker(TimeLimiter(HTTP)))):
 * <ul>
 *   <li>the time limiter bounds each attempt and cancels the exchange when it gives up;</li>
 *   <li>the circuit breaker sees every attempt that reached the provider, a 5xx or a timeout as a failure;</li>
 *   <li>the bulkhead sits outside it, so calls it turns away (nothing reached the provider) never count against
 *       the provider;</li>
 *   <li>the retry is outermost and retries only what its configuration calls transient: I/O errors, timeouts,
 *       5xx. An open circuit or a full bulkhead fails at once.</li>
 * </ul>
 * Whatever is still failing at the end leaves as a {@link ProviderUnavailableException}.
 */
final class ProviderResilience {

    private final Retry retry;
    private final Bulkhead bulkhead;
    private final CircuitBreaker circuitBreaker;
    private final TimeLimiter timeLimiter;

    ProviderResilience(Retry retry, Bulkhead bulkhead, CircuitBreaker circuitBreaker, TimeLimiter timeLimiter) {
        this.retry = retry;
        this.bulkhead = bulkhead;
        this.circuitBreaker = circuitBreaker;
        this.timeLimiter = timeLimiter;
    }

    /**
     * @param exchange starts one attempt; called again for each retry
     * @return a response below 500
     * @throws ProviderUnavailableException when no attempt got one
     */
    HttpResponse<String> call(Supplier<CompletableFuture<HttpResponse<String>>> exchange) {
        Callable<HttpResponse<String>> attempt = () -> failOnServerError(timeLimiter.executeFutureSupplier(exchange));
        Callable<HttpResponse<String>> decorated = Retry.decorateCallable(retry,
                Bulkhead.decorateCallable(bulkhead, CircuitBreaker.decorateCallable(circuitBreaker, attempt)));
        try {
            return decorated.call();
        } catch (CallNotPermittedException e) {
            throw new ProviderUnavailableException("circuit breaker " + circuitBreaker.getName() + " is open", e);
        } catch (BulkheadFullException e) {
            throw new ProviderUnavailableException("too many concurrent calls (bulkhead " + bulkhead.getName() + ")", e);
        } catch (TimeoutException e) {
            throw new ProviderUnavailableException("no answer within "
                    + timeLimiter.getTimeLimiterConfig().getTimeoutDuration().toMillis() + " ms" + afterAttempts(), e);
        } catch (IOException | ProviderServerErrorException e) {
            throw new ProviderUnavailableException(e.getMessage() + afterAttempts(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("interrupted", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Unexpected failure calling the payment provider", e);
        }
    }

    private static HttpResponse<String> failOnServerError(HttpResponse<String> response) {
        if (response.statusCode() >= 500) {
            throw new ProviderServerErrorException(response.statusCode(), response.body());
        }
        return response;
    }

    private String afterAttempts() {
        return " (after " + retry.getRetryConfig().getMaxAttempts() + " attempts)";
    }
}
