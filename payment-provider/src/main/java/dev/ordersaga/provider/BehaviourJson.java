package dev.ordersaga.provider;

import java.util.Set;

/**
 * {@link Behaviour} on the admin API. A field left out of a {@code PUT} takes its {@link Behaviour#normal()}
 * value, so {@code {}} restores normal behaviour; an unknown field is rejected (a typo must not go unnoticed).
 */
record BehaviourJson(Long latencyMs, Long answerDelayMs, Double failureRate, Integer failureStatus, Double timeoutRate,
                     Long timeoutMs, Set<String> declineCustomers, Long seed) {

    static BehaviourJson of(Behaviour behaviour) {
        return new BehaviourJson(behaviour.latencyMs(), behaviour.answerDelayMs(), behaviour.failureRate(),
                behaviour.failureStatus(), behaviour.timeoutRate(), behaviour.timeoutMs(), behaviour.declineCustomers(),
                behaviour.seed());
    }

    /** @throws IllegalArgumentException for a value out of range */
    Behaviour toBehaviour() {
        Behaviour normal = Behaviour.normal();
        return new Behaviour(
                latencyMs == null ? normal.latencyMs() : latencyMs,
                answerDelayMs == null ? normal.answerDelayMs() : answerDelayMs,
                failureRate == null ? normal.failureRate() : failureRate,
                failureStatus == null ? normal.failureStatus() : failureStatus,
                timeoutRate == null ? normal.timeoutRate() : timeoutRate,
                timeoutMs == null ? normal.timeoutMs() : timeoutMs,
                declineCustomers,
                seed);
    }
}
