package dev.ordersaga.orchestrator.saga;

import dev.ordersaga.schema.Message;
import dev.ordersaga.schema.MessageType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs a {@link SagaDefinition} without side effects: given a start or a reply and the instance as
 * stored, it returns the {@link Transition} to apply. Steps run forward in order; on a failure reply the
 * completed steps are compensated in reverse order, one at a time, each waiting for its confirming reply.
 * The failed step did nothing, so it is not compensated. A reply the current step does not expect causes
 * nothing but an "ignored" line in the history: that is what keeps late, duplicate and replayed replies,
 * and anything arriving after the saga ended, from having effects.
 *
 * @param <D> the saga's data
 */
public final class SagaEngine<D extends SagaData<D>> {

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
        return ignored(saga, definition.step(saga.currentStep()), trigger, "the saga has already started");
    }

    public Transition<D> handle(SagaSnapshot<D> saga, Message reply) {
        if (!saga.sagaId().equals(reply.orderId())) {
            throw new IllegalArgumentException(
                    typeName(reply) + " for " + reply.orderId() + " handed to saga " + saga.sagaId());
        }
        SagaStep<D> step = definition.step(saga.currentStep());
        return switch (saga.state()) {
            case RUNNING -> onRunningReply(saga, step, reply);
            case COMPENSATING -> onCompensationReply(saga, step, reply);
            case COMPLETED -> step.records(reply)
                    ? recorded(saga, step, reply)
                    : ignored(saga, step, reply, "the saga is COMPLETED");
            case COMPENSATED -> ignored(saga, step, reply, "the saga is COMPENSATED");
        };
    }

    private Transition<D> onRunningReply(SagaSnapshot<D> saga, SagaStep<D> step, Message reply) {
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
        if (step.records(reply)) {
            return recorded(saga, step, reply);
        }
        return ignored(saga, step, reply, "step " + step.name() + " does not expect it while RUNNING");
    }

    private Transition<D> onCompensationReply(SagaSnapshot<D> saga, SagaStep<D> step, Message reply) {
        if (!step.isConfirmedCompensationOf(reply)) {
            return ignored(saga, step, reply, "step " + step.name() + " does not expect it while COMPENSATING");
        }
        List<HistoryEntry> history = new ArrayList<>();
        history.add(HistoryEntry.replyReceived(step.name(), reply, "compensated"));
        return compensateFrom(saga.currentStep() - 1, SagaState.COMPENSATING, step, saga.sagaId(), saga.data(),
                history);
    }

    /** Sends the first step from {@code index} on that has a forward action; steps without one complete at once. */
    private Transition<D> runForwardFrom(int index, UUID sagaId, D data, List<HistoryEntry> history) {
        for (int i = index; i < definition.steps().size(); i++) {
            SagaStep<D> step = definition.step(i);
            if (step.hasForwardAction()) {
                List<SagaCommand> commands = commands(sagaId, step, Direction.FORWARD, step.forwardCommands(data));
                commands.forEach(command -> history.add(HistoryEntry.commandSent(command)));
                return new Transition<>(SagaState.RUNNING, i, step, data, commands, history, true);
            }
        }
        int last = definition.steps().size() - 1;
        SagaStep<D> lastStep = definition.step(last);
        history.add(HistoryEntry.stateChanged(lastStep.name(), SagaState.RUNNING, SagaState.COMPLETED));
        return new Transition<>(SagaState.COMPLETED, last, lastStep, data, List.of(), history, true);
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
                        commands(sagaId, step, Direction.COMPENSATION, step.compensationCommands(data));
                commands.forEach(command -> history.add(HistoryEntry.commandSent(command)));
                return new Transition<>(SagaState.COMPENSATING, i, step, data, commands, history, true);
            }
        }
        history.add(HistoryEntry.stateChanged(where.name(), from, SagaState.COMPENSATED));
        return new Transition<>(SagaState.COMPENSATED, 0, definition.step(0), data, List.of(), history, true);
    }

    private Transition<D> recorded(SagaSnapshot<D> saga, SagaStep<D> step, Message reply) {
        return unchanged(saga, step, HistoryEntry.replyReceived(step.name(), reply, "recorded"));
    }

    private Transition<D> ignored(SagaSnapshot<D> saga, SagaStep<D> step, Message reply, String reason) {
        return unchanged(saga, step, HistoryEntry.replyIgnored(step.name(), reply, reason));
    }

    private Transition<D> unchanged(SagaSnapshot<D> saga, SagaStep<D> step, HistoryEntry entry) {
        return new Transition<>(saga.state(), saga.currentStep(), step, saga.data(), List.of(), List.of(entry), false);
    }

    private static List<SagaCommand> commands(UUID sagaId, SagaStep<?> step, Direction direction,
                                              List<Message> messages) {
        return messages.stream().map(message -> SagaCommand.of(sagaId, step.name(), direction, message)).toList();
    }

    private static String typeName(Message message) {
        return MessageType.of(message).typeName();
    }
}
