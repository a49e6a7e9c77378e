package dev.ordersaga.orchestrator.saga;

/**
 * How often the engine sends a step's commands before it gives up on the step. Only forward steps give up:
 * a compensation must finish, so it is re-sent for as long as it takes (and shows up as stuck to operators).
 *
 * @param maxAttempts sends of a step's commands, the first one included, before the saga compensates
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
