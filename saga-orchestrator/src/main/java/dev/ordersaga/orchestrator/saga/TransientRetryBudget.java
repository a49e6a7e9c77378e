package dev.ordersaga.orchestrator.saga;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a forward step may keep failing transiently, measured from its first send, and whether that time
 * is up. The caller works it out from the step's start and its clock, so the engine reads no clock; a
 * compensation has no budget (it is retried for as long as it takes).
 *
 * @param length the budget, named in the reason when the saga gives up
 * @param spent  true when no further try fits in it: the next transient failure compensates
 */
public record TransientRetryBudget(Duration length, boolean spent) {

    public TransientRetryBudget {
        Objects.requireNonNull(length, "length");
        if (length.isNegative()) {
            throw new IllegalArgumentException("A transient retry budget cannot be negative, was " + length);
        }
    }

    public static TransientRetryBudget left(Duration length) {
        return new TransientRetryBudget(length, false);
    }

    public static TransientRetryBudget spent(Duration length) {
        return new TransientRetryBudget(length, true);
    }

    /** The length the way configuration spells it: {@code 2m}, {@code 1m30s}, {@code 500ms}. */
    String describe() {
        StringBuilder text = new StringBuilder();
        append(text, length.toHours(), "h");
        append(text, length.toMinutesPart(), "m");
        append(text, length.toSecondsPart(), "s");
        append(text, length.toMillisPart(), "ms");
        return text.isEmpty() ? "0s" : text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(amount).append(unit);
        }
    }
}
