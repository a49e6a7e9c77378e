package dev.ordersaga.orchestrator.saga;

import dev.ordersaga.schema.Message;
import java.time.Duration;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One immutable entry of a saga definition: the commands that move it forward, the replies that complete
 * or fail it, the replies that say "not now" (transient failures, forward or while compensating), the
 * replies it only records, its compensation and its timeout. Built through
 * {@link SagaDefinition.Builder#step(String)}.
 *
 * @param <D> the saga's data
 */
public final class SagaStep<D> {

    private final String name;
    private final List<Function<? super D, ? extends Message>> actions;
    private final Set<Class<? extends Message>> successReplies;
    private final Map<Class<? extends Message>, Function<Message, String>> failureReplies;
    private final Map<Class<? extends Message>, Function<Message, String>> transientReplies;
    private final Set<Class<? extends Message>> recordedReplies;
    private final Compensation<D> compensation;
    private final Duration timeout;
    private final boolean pivot;

    SagaStep(String name, List<Function<? super D, ? extends Message>> actions,
             Set<Class<? extends Message>> successReplies,
             Map<Class<? extends Message>, Function<Message, String>> failureReplies,
             Map<Class<? extends Message>, Function<Message, String>> transientReplies,
             Set<Class<? extends Message>> recordedReplies, Compensation<D> compensation, Duration timeout,
             boolean pivot) {
        this.name = name;
        this.actions = List.copyOf(actions);
        this.successReplies = Set.copyOf(successReplies);
        this.failureReplies = Map.copyOf(failureReplies);
        this.transientReplies = Map.copyOf(transientReplies);
        this.recordedReplies = Set.copyOf(recordedReplies);
        this.compensation = compensation;
        this.timeout = timeout;
        this.pivot = pivot;
    }

    public String name() {
        return name;
    }

    /** A step without a forward action (e.g. a local one that already happened) completes immediately. */
    public boolean hasForwardAction() {
        return !actions.isEmpty();
    }

    public boolean isCompensatable() {
        return compensation != null;
    }

    /** Past this step the saga only goes forward unless the participant turns it back (see the builder). */
    public boolean isPivot() {
        return pivot;
    }

    /** How long the step may wait for its reply, when the step says so; otherwise configuration decides. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    List<Message> forwardCommands(D data) {
        return actions.stream().<Message>map(action -> action.apply(data)).toList();
    }

    List<Message> compensationCommands(D data) {
        return compensation.commands().stream().<Message>map(command -> command.apply(data)).toList();
    }

    boolean succeedsOn(Message reply) {
        return successReplies.contains(reply.getClass());
    }

    Optional<String> failureReason(Message reply) {
        return Optional.ofNullable(failureReplies.get(reply.getClass())).map(reason -> reason.apply(reply));
    }

    /** Why the participant could not act for now, when {@code reply} says so; valid in both directions. */
    Optional<String> transientFailureReason(Message reply) {
        return Optional.ofNullable(transientReplies.get(reply.getClass())).map(reason -> reason.apply(reply));
    }

    boolean records(Message reply) {
        return recordedReplies.contains(reply.getClass());
    }

    boolean isConfirmedCompensationOf(Message reply) {
        return compensation != null && compensation.confirmedBy().contains(reply.getClass());
    }

    @Override
    public String toString() {
        return "SagaStep[" + name + "]";
    }

    /** The commands that undo a completed step, and the replies that say they did (any one of them). */
    record Compensation<D>(List<Function<? super D, ? extends Message>> commands,
                           Set<Class<? extends Message>> confirmedBy) {

        Compensation {
            commands = List.copyOf(commands);
            confirmedBy = Set.copyOf(confirmedBy);
        }

        Compensation<D> alsoConfirmedBy(Set<Class<? extends Message>> more) {
            Set<Class<? extends Message>> all = new HashSet<>(confirmedBy);
            all.addAll(more);
            return new Compensation<>(commands, all);
        }
    }
}
