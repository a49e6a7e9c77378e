package dev.ordersaga.orchestrator.saga;

import dev.ordersaga.schema.Message;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One immutable entry of a saga definition: the commands that move it forward, the replies that complete
 * or fail it, the replies it only records, its compensation and its timeout. Built through
 * {@link SagaDefinition.Builder#step(String)}.
 *
 * @param <D> the saga's data
 */
public final class SagaStep<D> {

    private final String name;
    private final List<Function<? super D, ? extends Message>> actions;
    private final Set<Class<? extends Message>> successReplies;
    private final Map<Class<? extends Message>, Function<Message, String>> failureReplies;
    private final Set<Class<? extends Message>> recordedReplies;
    private final Compensation<D> compensation;
    private final Duration timeout;

    SagaStep(String name, List<Function<? super D, ? extends Message>> actions,
             Set<Class<? extends Message>> successReplies,
             Map<Class<? extends Message>, Function<Message, String>> failureReplies,
             Set<Class<? extends Message>> recordedReplies, Compensation<D> compensation, Duration timeout) {
        this.name = name;
        this.actions = List.copyOf(actions);
        this.successReplies = Set.copyOf(successReplies);
        this.failureReplies = Map.copyOf(failureReplies);
        this.recordedReplies = Set.copyOf(recordedReplies);
        this.compensation = compensation;
        this.timeout = timeout;
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

    boolean records(Message reply) {
        return recordedReplies.contains(reply.getClass());
    }

    boolean isConfirmedCompensationOf(Message reply) {
        return compensation != null && compensation.confirmedBy().equals(reply.getClass());
    }

    @Override
    public String toString() {
        return "SagaStep[" + name + "]";
    }

    /** The commands that undo a completed step, and the reply that says they did. */
    record Compensation<D>(List<Function<? super D, ? extends Message>> commands,
                           Class<? extends Message> confirmedBy) {

        Compensation {
            commands = List.copyOf(commands);
        }
    }
}
