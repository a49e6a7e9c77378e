package dev.ordersaga.orchestrator.saga;

import dev.ordersaga.schema.Message;
import dev.ordersaga.schema.MessageType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs a {@link SagaDefinition} without side effects: given a start, a reply, a cancellation, a passed
 * deadline or an operator action, and the instance as stored, it returns the {@link Transition} to apply.
 *
 * <p>Steps run forward in order; on a failure reply the completed steps are compensated in reverse order,
 * one at a time, each waiting for its confirming reply. The failed step did nothing, so it is not
 * compensated. When the saga gives up on a step for any other reason (cancelled, no reply in time, still
 * failing transiently once its budget is spent, forced by an operator) the step's command may have been
 * applied, so compensation starts with that step: every participant accepts a compensation for something it
 * never did. The pivot step is never given up that way (a cancellation excepted, which its participant
 * arbitrates).
 *
 * <p>A step's commands that get no reply in time are re-sent under the same message ids, up to the
 * {@link RetryPolicy}'s attempts. A reply that says the participant could not act for now (a transient
 * failure) counts no attempt: the step is tried again later under new message ids for as long as its
 * {@link TransientRetryBudget} lasts, then compensated; a compensation is tried again for as long as it takes.
 *
 * <p>A message the current step does not expect causes nothing but an "ignored" line in the history: that
 * is what keeps late, duplicate and replayed replies, and anything arriving after the saga ended, from
 * having effects.
 *
 * @param <D> the saga's data
 */
public final class SagaEngine<D extends SagaData<D>> {

    private static final String RETRY = "retry";
    private static final String COMPENSATE = "compensate";

    private final SagaDefinition<D> definition;

    public SagaEngine(SagaDefinition<D> definition) {
        this.definition = definition;
    }

    public SagaDefinition<D> definition() {
        return definition;
    }

    public Transition<D> start(D data) {
        List<HistoryEntry> history = new ArrayList<>();
        history.add(HistoryEntry.started(definition.step(0).name(), definition.name(), definition.version()));
        return runForwardFrom(0, data.sagaId(), data, history);
    }

    /**
     * The message that starts a saga arrived again for a saga that exists (the same business request with a
     * new message id): nothing to do but write it down.
     */
    public Transition<D> startAgain(SagaSnapshot<D> saga, Message trigger) {
        return unchanged(saga, HistoryEntry.replyIgnored(currentStep(saga).name(), trigger,
                "the saga has already started"));
    }

    /**
     * A participant's reply or an order outcome for this saga.
     *
     * @param budget what is left of the current step's transient retry budget; only a transient failure of a
     *               running step asks it
     */
    public Transition<D> handle(SagaSnapshot<D> saga, Message reply, TransientRetryBudget budget) {
        if (!saga.sagaId().equals(reply.orderId())) {
            throw new IllegalArgumentException(
                    typeName(reply) + " for " + reply.orderId() + " handed to saga " + saga.sagaId());
        }
        SagaStep<D> step = currentStep(saga);
        return switch (saga.state()) {
            case RUNNING -> onRunningReply(saga, step, reply, budget);
            case COMPENSATING -> onCompensationReply(saga, step, reply);
            case COMPLETED -> step.records(reply)
                    ? unchanged(saga, HistoryEntry.replyReceived(step.name(), reply, "recorded"))
                    : ignored(saga, reply, "the saga is COMPLETED");
            case COMPENSATED -> ignored(saga, reply, "the saga is COMPENSATED");
        };
    }

    /**
     * The order was cancelled. A running saga compensates from its current step on, since that step's
     * command may already have been applied; otherwise the cancellation changes nothing.
     *
     * @param reason the producer's reason, may be null
     */
    public Transition<D> cancel(SagaSnapshot<D> saga, String reason) {
        SagaStep<D> step = currentStep(saga);
        if (saga.state() != SagaState.RUNNING) {
            return unchanged(saga, HistoryEntry.messageIgnored(step.name(), "the saga is " + saga.state()));
        }
        List<HistoryEntry> history = new ArrayList<>();
        history.add(HistoryEntry.cancelRequested(step.name(), reason));
        String failure = reason == null || reason.isBlank() ? "cancelled" : "cancelled: " + reason;
        return compensateFrom(saga.currentStep(), SagaState.RUNNING, step, saga.sagaId(),
                saga.data().withFailureReason(failure), history);
    }

    /**
     * The awaited step's deadline passed. After a transient failure that is the end of the retry delay: the
     * next try goes out under its new message ids, and counts no attempt. Otherwise the step got no reply in
     * time: a running step is sent again under the ids it had until {@code policy} says it has had enough
     * attempts, then the saga compensates from it on; a compensation, or the pivot step, is sent again for as
     * long as it takes.
     */
    public Transition<D> deadlinePassed(SagaSnapshot<D> saga, RetryPolicy policy) {
        SagaStep<D> step = currentStep(saga);
        if (saga.retryPending() && !saga.state().isFinal()) {
            return retryNow(saga, step);
        }
        return switch (saga.state()) {
            case RUNNING -> policy.exhaustedAfter(saga.attempts()) && !step.isPivot()
                    ? giveUp(saga, step)
                    : resendOnDeadline(saga, step);
            case COMPENSATING -> resendOnDeadline(saga, step);
            case COMPLETED, COMPENSATED -> throw new IllegalStateException(
                    "Saga " + saga.sagaId() + " is " + saga.state() + ": it has no deadline");
        };
    }

    /** An operator asks to send the current step's commands again, with their message ids, on a fresh deadline. */
    public OperatorDecision<D> retry(SagaSnapshot<D> saga, OperatorRequest request) {
        refuseIfFinal(saga, RETRY);
        SagaStep<D> step = currentStep(saga);
        List<HistoryEntry> history = new ArrayList<>();
        history.add(HistoryEntry.operatorAction(step.name(), RETRY, request, OperatorOutcome.RESENT));
        return new OperatorDecision<>(OperatorOutcome.RESENT, resend(saga, step, 1, history));
    }

    /** An operator asks a running saga to compensate from its current step on; refused past the pivot. */
    public OperatorDecision<D> compensate(SagaSnapshot<D> saga, OperatorRequest request) {
        refuseIfFinal(saga, COMPENSATE);
        SagaStep<D> step = currentStep(saga);
        if (saga.state() == SagaState.RUNNING && step.isPivot()) {
            throw new OperatorActionRefusedException("Saga " + saga.sagaId() + " is at step " + step.name()
                    + ", past the point of no return: nothing to compensate; retry it, or cancel the order");
        }
        if (saga.state() == SagaState.COMPENSATING) {
            return new OperatorDecision<>(OperatorOutcome.ALREADY_COMPENSATING, unchanged(saga,
                    HistoryEntry.operatorAction(step.name(), COMPENSATE, request,
                            OperatorOutcome.ALREADY_COMPENSATING)));
        }
        List<HistoryEntry> history = new ArrayList<>();
        history.add(HistoryEntry.operatorAction(step.name(), COMPENSATE, request, OperatorOutcome.COMPENSATING));
        String failure = "compensation forced by " + request.requestedBy()
                + (request.reason() == null ? "" : ": " + request.reason());
        return new OperatorDecision<>(OperatorOutcome.COMPENSATING, compensateFrom(saga.currentStep(),
                SagaState.RUNNING, step, saga.sagaId(), saga.data().withFailureReason(failure), history));
    }

    private Transition<D> onRunningReply(SagaSnapshot<D> saga, SagaStep<D> step, Message reply,
                                         TransientRetryBudget budget) {
        if (step.succeedsOn(reply)) {
            List<HistoryEntry> history = new ArrayList<>();
            history.add(HistoryEntry.replyReceived(step.name(), reply, "success"));
            return runForwardFrom(saga.currentStep() + 1, saga.sagaId(), saga.data(), history);
        }
        Optional<String> failure = step.failureReason(reply);
        if (failure.isPresent()) {
            List<HistoryEntry> history = new ArrayList<>();
            history.add(HistoryEntry.replyFailed(step.name(), reply, failure.get()));
            D failed = saga.data().withFailureReason(failure.get());
            return compensateFrom(saga.currentStep() - 1, SagaState.RUNNING, step, saga.sagaId(), failed, history);
        }
        Optional<String> transientFailure = step.transientFailureReason(reply);
        if (transientFailure.isPresent()) {
            return budget.spent() && !step.isPivot()
                    ? giveUpTransiently(saga, step, reply, transientFailure.get(), budget)
                    : retryLater(saga, step, reply, transientFailure.get());
        }
        if (step.records(reply)) {
            return unchanged(saga, HistoryEntry.replyReceived(step.name(), reply, "recorded"));
        }
        return ignored(saga, reply, "step " + step.name() + " does not expect it while RUNNING");
    }

    private Transition<D> onCompensationReply(SagaSnapshot<D> saga, SagaStep<D> step, Message reply) {
        if (step.isConfirmedCompensationOf(reply)) {
            List<HistoryEntry> history = new ArrayList<>();
            history.add(HistoryEntry.replyReceived(step.name(), reply, "compensated"));
            return compensateFrom(saga.currentStep() - 1, SagaState.COMPENSATING, step, saga.sagaId(), saga.data(),
                    history);
        }
        Optional<String> transientFailure = step.transientFailureReason(reply);
        if (transientFailure.isPresent()) {
            return retryLater(saga, step, reply, transientFailure.get());
        }
        return ignored(saga, reply, "step " + step.name() + " does not expect it while COMPENSATING");
    }

    /** Nothing happened at the participant: send nothing now, and the next try under new message ids. */
    private Transition<D> retryLater(SagaSnapshot<D> saga, SagaStep<D> step, Message reply, String reason) {
        int nextTry = saga.commandTry() + 1;
        HistoryEntry entry = HistoryEntry.transientFailure(step.name(), reply, reason, nextTry);
        return new Transition<>(saga.state(), saga.currentStep(), step, saga.data(), List.of(), List.of(entry), true,
                saga.attempts(), nextTry, true);
    }

    /**
     * The participant still could not act once the step's budget was spent. Earlier tries that got no reply
     * may have been applied after all, so compensation starts with the step itself.
     */
    private Transition<D> giveUpTransiently(SagaSnapshot<D> saga, SagaStep<D> step, Message reply, String reason,
                                            TransientRetryBudget budget) {
        List<HistoryEntry> history = new ArrayList<>();
        history.add(HistoryEntry.transientFailureGaveUp(step.name(), reply, reason));
        int tries = saga.commandTry() + 1;
        String failure = "step " + step.name() + " still failed transiently after " + budget.describe()
                + " (" + tries + (tries == 1 ? " try)" : " tries)");
        return compensateFrom(saga.currentStep(), SagaState.RUNNING, step, saga.sagaId(),
                saga.data().withFailureReason(failure), history);
    }

    /** The retry delay after a transient failure passed: the next try goes out, on the attempts it had. */
    private Transition<D> retryNow(SagaSnapshot<D> saga, SagaStep<D> step) {
        List<HistoryEntry> history = new ArrayList<>();
        history.add(HistoryEntry.deadlinePassed(step.name(), saga.attempts(), "retry"));
        return resend(saga, step, saga.attempts(), history);
    }

    private Transition<D> resendOnDeadline(SagaSnapshot<D> saga, SagaStep<D> step) {
        List<HistoryEntry> history = new ArrayList<>();
        history.add(HistoryEntry.deadlinePassed(step.name(), saga.attempts(), "resend"));
        return resend(saga, step, saga.attempts() + 1, history);
    }

    private Transition<D> giveUp(SagaSnapshot<D> saga, SagaStep<D> step) {
        List<HistoryEntry> history = new ArrayList<>();
        history.add(HistoryEntry.deadlinePassed(step.name(), saga.attempts(), "compensate"));
        String failure = "step " + step.name() + " got no reply after " + saga.attempts() + " attempts";
        return compensateFrom(saga.currentStep(), SagaState.RUNNING, step, saga.sagaId(),
                saga.data().withFailureReason(failure), history);
    }

    /** The current step's commands again, forward or compensation as the state says, under the current try's ids. */
    private Transition<D> resend(SagaSnapshot<D> saga, SagaStep<D> step, int attempts, List<HistoryEntry> history) {
        List<SagaCommand> commands = saga.state() == SagaState.RUNNING
                ? commands(saga.sagaId(), step, Direction.FORWARD, saga.commandTry(), step.forwardCommands(saga.data()))
                : commands(saga.sagaId(), step, Direction.COMPENSATION, saga.commandTry(),
                        step.compensationCommands(saga.data()));
        commands.forEach(command -> history.add(HistoryEntry.commandResent(command, attempts)));
        return new Transition<>(saga.state(), saga.currentStep(), step, saga.data(), commands, history, true,
                attempts, saga.commandTry(), false);
    }

    /** Sends the first step from {@code index} on that has a forward action; steps without one complete at once. */
    private Transition<D> runForwardFrom(int index, UUID sagaId, D data, List<HistoryEntry> history) {
        for (int i = index; i < definition.steps().size(); i++) {
            SagaStep<D> step = definition.step(i);
            if (step.hasForwardAction()) {
                List<SagaCommand> commands = commands(sagaId, step, Direction.FORWARD, 0, step.forwardCommands(data));
                commands.forEach(command -> history.add(HistoryEntry.commandSent(command)));
                return new Transition<>(SagaState.RUNNING, i, step, data, commands, history, true, 1, 0, false);
            }
        }
        int last = definition.steps().size() - 1;
        SagaStep<D> lastStep = definition.step(last);
        history.add(HistoryEntry.stateChanged(lastStep.name(), SagaState.RUNNING, SagaState.COMPLETED));
        return new Transition<>(SagaState.COMPLETED, last, lastStep, data, List.of(), history, true, 0, 0, false);
    }

    /** Compensates the nearest compensatable step at or below {@code index}, or ends the saga COMPENSATED. */
    private Transition<D> compensateFrom(int index, SagaState from, SagaStep<D> where, UUID sagaId, D data,
                                         List<HistoryEntry> history) {
        for (int i = index; i >= 0; i--) {
            SagaStep<D> step = definition.step(i);
            if (step.isCompensatable()) {
                if (from != SagaState.COMPENSATING) {
                    history.add(HistoryEntry.stateChanged(where.name(), from, SagaState.COMPENSATING));
                }
                List<SagaCommand> commands =
                        commands(sagaId, step, Direction.COMPENSATION, 0, step.compensationCommands(data));
                commands.forEach(command -> history.add(HistoryEntry.commandSent(command)));
                return new Transition<>(SagaState.COMPENSATING, i, step, data, commands, history, true, 1, 0, false);
            }
        }
        history.add(HistoryEntry.stateChanged(where.name(), from, SagaState.COMPENSATED));
        return new Transition<>(SagaState.COMPENSATED, 0, definition.step(0), data, List.of(), history, true, 0, 0,
                false);
    }

    private void refuseIfFinal(SagaSnapshot<D> saga, String action) {
        if (saga.state().isFinal()) {
            throw new OperatorActionRefusedException(
                    "Saga " + saga.sagaId() + " is " + saga.state() + "; nothing to " + action);
        }
    }

    private Transition<D> ignored(SagaSnapshot<D> saga, Message message, String reason) {
        return unchanged(saga, HistoryEntry.replyIgnored(currentStep(saga).name(), message, reason));
    }

    private Transition<D> unchanged(SagaSnapshot<D> saga, HistoryEntry entry) {
        return new Transition<>(saga.state(), saga.currentStep(), currentStep(saga), saga.data(), List.of(),
                List.of(entry), false, saga.attempts(), saga.commandTry(), saga.retryPending());
    }

    private SagaStep<D> currentStep(SagaSnapshot<D> saga) {
        return definition.step(saga.currentStep());
    }

    private static List<SagaCommand> commands(UUID sagaId, SagaStep<?> step, Direction direction, int commandTry,
                                              List<Message> messages) {
        return messages.stream()
                .map(message -> SagaCommand.of(sagaId, step.name(), direction, commandTry, message))
                .toList();
    }

    private static String typeName(Message message) {
        return MessageType.of(message).typeName();
    }
}
