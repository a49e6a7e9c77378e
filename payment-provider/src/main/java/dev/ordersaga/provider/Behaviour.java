package dev.ordersaga.provider;

import java.util.Arrays;
import java.util.Set;

/**
 * How the simulator behaves; replaceable at runtime. Latency, failures and timeouts apply to the {@code /v1}
 * calls only (the reporting API's {@code GET /v1/charges} too), before the idempotency lookup: an injected failure
 * or timeout does nothing at all. The answer delay applies to charges and refunds only, after the work.
 *
 * @param latencyMs        added to every call before it is handled (a slow provider that still does the work)
 * @param answerDelayMs    added to every charge and refund after it is handled and its outcome stored, before the
 *                         answer is sent: a capture visible in the reporting API whose answer is still on its way
 * @param failureRate      fraction of calls answered with {@code failureStatus} without doing anything
 * @param failureStatus    the status of an injected failure, 400..599
 * @param timeoutRate      fraction of calls that hang {@code timeoutMs}, then answer 504 without doing anything
 * @param timeoutMs        how long such a call hangs
 * @param declineCustomers customers whose charges are declined (402 "card declined")
 * @param seed             when set, the failure and timeout draws restart from this seed as the behaviour is
 *                         set, so a test sees the same sequence every run; null keeps the current draws
 */
public record Behaviour(long latencyMs, long answerDelayMs, double failureRate, int failureStatus, double timeoutRate,
                        long timeoutMs, Set<String> declineCustomers, Long seed) {

    public Behaviour {
        requireNonNegative("latencyMs", latencyMs);
        requireNonNegative("answerDelayMs", answerDelayMs);
        requireNonNegative("timeoutMs", timeoutMs);
        requireFraction("failureRate", failureRate);
        requireFraction("timeoutRate", timeoutRate);
        if (failureStatus < 400 || failureStatus > 599) {
            throw new IllegalArgumentException("failureStatus must be an error status (400..599): " + failureStatus);
        }
        declineCustomers = declineCustomers == null ? Set.of() : Set.copyOf(declineCustomers);
    }

    /** Answers at once, never fails, declines nobody. */
    public static Behaviour normal() {
        return new Behaviour(0, 0, 0.0, 503, 0.0, 5000, Set.of(), null);
    }

    public Behaviour withLatencyMs(long latencyMs) {
        return new Behaviour(latencyMs, answerDelayMs, failureRate, failureStatus, timeoutRate, timeoutMs,
                declineCustomers, seed);
    }

    public Behaviour withAnswerDelayMs(long answerDelayMs) {
        return new Behaviour(latencyMs, answerDelayMs, failureRate, failureStatus, timeoutRate, timeoutMs,
                declineCustomers, seed);
    }

    public Behaviour withFailures(double failureRate, int failureStatus) {
        return new Behaviour(latencyMs, answerDelayMs, failureRate, failureStatus, timeoutRate, timeoutMs,
                declineCustomers, seed);
    }

    public Behaviour withTimeouts(double timeoutRate, long timeoutMs) {
        return new Behaviour(latencyMs, answerDelayMs, failureRate, failureStatus, timeoutRate, timeoutMs,
                declineCustomers, seed);
    }

    public Behaviour withDeclinedCustomers(String... customerIds) {
        return new Behaviour(latencyMs, answerDelayMs, failureRate, failureStatus, timeoutRate, timeoutMs,
                Set.copyOf(Arrays.asList(customerIds)), seed);
    }

    public Behaviour withSeed(long seed) {
        return new Behaviour(latencyMs, answerDelayMs, failureRate, failureStatus, timeoutRate, timeoutMs,
                declineCustomers, seed);
    }

    boolean declines(String customerId) {
        return declineCustomers.contains(customerId);
    }

    private static void requireNonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }

    private static void requireFraction(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be between 0.0 and 1.0: " + value);
        }
    }
}
