package dev.ordersaga.orchestrator.saga;

/**
 * How often the engine sends a step's commands without getting a reply before it gives up on the step. A
 * reply that says "not now" (a transient failure) is an answer, not a missed one: the try that follows it
 * counts no attempt, the step's {@link TransientRetryBudget} bounds those. Only forward steps give up: a
 * compensation must finish, so it is re-sent for as long as it takes (and shows up as stuck to operators).
 *
 * @param maxAttempts sends of a step's commands that got no reply in time, the first one included, before the
 *                    saga compensates
 */
public record RetryPolicy(int maxAttempts) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be 1 or more, was " + maxAttempts);
        }
    }

    boolean exhaustedAfter(int attempts) {
        return attempts >= maxAttempts;
    }
}
