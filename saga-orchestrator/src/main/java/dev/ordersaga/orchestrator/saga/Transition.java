package dev.ordersaga.orchestrator.saga;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The engine's decision for one start, reply, deadline or operator action: the instance's new state and
 * step, its data, the commands to send, and what to write in the history.
 *
 * @param state        the new state
 * @param currentStep  the new step index
 * @param step         that step
 * @param data         the new data
 * @param commands     to send, in order, each with its deterministic message id
 * @param history      to append, in order
 * @param changed      false when the instance stays as it was (an ignored or merely recorded message)
 * @param attempts     the awaited step's attempts: its first send, plus one per re-send after no reply in
 *                     time (a try after a transient failure counts none); 0 once final
 * @param commandTry   the awaited step's command try
 * @param retryPending true when nothing was sent because the participant failed transiently: the next
 *                     deadline is a retry delay rather than a reply timeout
 */
public record Transition<D>(SagaState state, int currentStep, SagaStep<D> step, D data, List<SagaCommand> commands,
                            List<HistoryEntry> history, boolean changed, int attempts, int commandTry,
                            boolean retryPending) {

    public Transition {
        commands = List.copyOf(commands);
        history = List.copyOf(history);
    }

    /** True while the saga waits for a reply to {@link #step()} (or to retry it), i.e. while it needs a deadline. */
    public boolean awaitsReply() {
        return !state.isFinal();
    }

    /** The awaited step's own timeout, when it declares one. */
    public Optional<Duration> declaredStepTimeout() {
        return awaitsReply() ? step.timeout() : Optional.empty();
    }

    /**
     * The entry of the handled reply when it said the participant could not act for now (the step is retried
     * later, or given up); it names the step that failed.
     */
    public Optional<HistoryEntry> transientFailure() {
        return history.stream().filter(entry -> entry.type() == HistoryType.TRANSIENT_FAILURE).findFirst();
    }

    public boolean ignored() {
        return history.stream().anyMatch(entry -> entry.type() == HistoryType.REPLY_IGNORED);
    }
}
