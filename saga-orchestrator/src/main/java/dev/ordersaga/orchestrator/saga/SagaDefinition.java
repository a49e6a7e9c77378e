package dev.ordersaga.orchestrator.saga;

import dev.ordersaga.schema.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A saga as an ordered, immutable list of steps, with a name and a version. Instances record the version
 * they started with, so a changed definition ships as a new version beside the old one.
 *
 * <pre>{@code
 * SagaDefinition.<OrderSagaData>builder("create-order", 1)
 *     .step("reserve-inventory")
 *         .invoke(data -> new ReserveInventory(data.orderId(), data.lines()))
 *         .onSuccess(InventoryReserved.class)
 *         .onFailure(InventoryUnavailable.class, reply -> "short: " + reply.shortages())
 *         .compensateWith(InventoryReleased.class, data -> new ReleaseInventory(data.orderId()))
 *     .step("charge-payment")
 *         .invoke(data -> new ChargePayment(data.orderId(), data.customerId(), data.total()))
 *         .onSuccess(PaymentCharged.class)
 *         .onTransientFailure(PaymentUnavailable.class, reply -> "payment unavailable: " + reply.reason())
 *         .compensateWith(PaymentRefunded.class, data -> new RefundPayment(data.orderId()))
 *     .step("...")
 *     .build();
 * }</pre>
 *
 * @param <D> the saga's data
 */
public final class SagaDefinition<D extends SagaData<D>> {

    private final String name;
    private final int version;
    private final List<SagaStep<D>> steps;

    private SagaDefinition(String name, int version, List<SagaStep<D>> steps) {
        this.name = name;
        this.version = version;
        this.steps = List.copyOf(steps);
    }

    public static <D extends SagaData<D>> Builder<D> builder(String name, int version) {
        return new Builder<>(name, version);
    }

    public String name() {
        return name;
    }

    public int version() {
        return version;
    }

    public List<SagaStep<D>> steps() {
        return steps;
    }

    public SagaStep<D> step(int index) {
        return steps.get(index);
    }

    @Override
    public String toString() {
        return "SagaDefinition[" + name + " v" + version + ", steps=" + steps + "]";
    }

    /** Collects the steps in order; {@link #build()} checks the whole definition. */
    public static final class Builder<D extends SagaData<D>> {

        private final String name;
        private final int version;
        private final List<SagaStep<D>> steps = new ArrayList<>();

        private Builder(String name, int version) {
            this.name = requireName(name, "saga");
            if (version < 1) {
                throw new IllegalArgumentException("Saga " + name + ": version must be 1 or more, was " + version);
            }
            this.version = version;
        }

        public StepBuilder<D> step(String stepName) {
            return new StepBuilder<>(this, requireName(stepName, "step"));
        }

        private SagaDefinition<D> build() {
            if (steps.isEmpty()) {
                throw new IllegalStateException("Saga " + name + " has no steps");
            }
            Set<String> names = new HashSet<>();
            for (SagaStep<D> step : steps) {
                if (!names.add(step.name())) {
                    throw new IllegalStateException("Saga " + name + " has two steps named " + step.name());
                }
            }
            return new SagaDefinition<>(name, version, steps);
        }
    }

    /** One step being declared; {@link #step(String)} starts the next, {@link #build()} ends the definition. */
    public static final class StepBuilder<D extends SagaData<D>> {

        private final Builder<D> definition;
        private final String name;
        private final List<Function<? super D, ? extends Message>> actions = new ArrayList<>();
        private final Set<Class<? extends Message>> successReplies = new LinkedHashSet<>();
        private final Map<Class<? extends Message>, Function<Message, String>> failureReplies = new LinkedHashMap<>();
        private final Map<Class<? extends Message>, Function<Message, String>> transientReplies = new LinkedHashMap<>();
        private final Set<Class<? extends Message>> recordedReplies = new LinkedHashSet<>();
        private SagaStep.Compensation<D> compensation;
        private Duration timeout;
        private boolean pivot;

        private StepBuilder(Builder<D> definition, String name) {
            this.definition = definition;
            this.name = name;
        }

        /** The commands this step sends, built from the saga data, in this order. */
        @SafeVarargs
        public final StepBuilder<D> invoke(Function<? super D, ? extends Message>... commands) {
            actions.addAll(Arrays.asList(commands));
            return this;
        }

        /** Replies that complete this step and move the saga to the next one. */
        @SafeVarargs
        public final StepBuilder<D> onSuccess(Class<? extends Message>... replies) {
            successReplies.addAll(Arrays.asList(replies));
            return this;
        }

        /** A reply that fails this step and starts compensation; {@code reason} says why, from the reply. */
        public <R extends Message> StepBuilder<D> onFailure(Class<R> reply, Function<? super R, String> reason) {
            Objects.requireNonNull(reason, "reason");
            failureReplies.put(reply, message -> reason.apply(reply.cast(message)));
            return this;
        }

        /**
         * A reply that says the participant could not act for now and did nothing (e.g. its provider is
         * down). The step is tried again after a delay, with new message ids, for as long as its transient
         * retry budget lasts, then compensated. It applies while the step's compensation is awaited too: a
         * compensation is retried the same way, but never given up.
         */
        public <R extends Message> StepBuilder<D> onTransientFailure(Class<R> reply,
                                                                     Function<? super R, String> reason) {
            Objects.requireNonNull(reason, "reason");
            transientReplies.put(reply, message -> reason.apply(reply.cast(message)));
            return this;
        }

        /** Replies worth keeping in the timeline that neither advance nor fail the step. */
        @SafeVarargs
        public final StepBuilder<D> recording(Class<? extends Message>... replies) {
            recordedReplies.addAll(Arrays.asList(replies));
            return this;
        }

        /** How to undo this step once it completed, and the reply that confirms it was undone. */
        @SafeVarargs
        public final StepBuilder<D> compensateWith(Class<? extends Message> confirmedBy,
                                                   Function<? super D, ? extends Message>... commands) {
            Objects.requireNonNull(confirmedBy, "confirmedBy");
            if (commands.length == 0) {
                throw new IllegalArgumentException("Step " + name + ": a compensation needs at least one command");
            }
            compensation = new SagaStep.Compensation<D>(Arrays.asList(commands), Set.of(confirmedBy));
            return this;
        }

        /**
         * More replies that confirm the compensation declared just before, e.g. when the participant ends
         * the undone entity in another final state depending on how it got there.
         */
        @SafeVarargs
        public final StepBuilder<D> alsoConfirmedBy(Class<? extends Message>... replies) {
            if (compensation == null) {
                throw new IllegalStateException("Step " + name + ": alsoConfirmedBy follows compensateWith");
            }
            compensation = compensation.alsoConfirmedBy(Set.of(replies));
            return this;
        }

        /**
         * Marks the point of no return: once this step's commands are out, the participant may apply them at any
         * moment, and nothing undoes that, so the saga never turns back on its own. A passed deadline re-sends
         * the commands for as long as it takes and an operator can retry but not compensate. Only the
         * participant can still turn it back: a failure reply, or a cancellation it accepted (it then refuses
         * the pivot's command).
         */
        public StepBuilder<D> pivot() {
            pivot = true;
            return this;
        }

        /** How long this step may wait for its reply before the deadline passes. */
        public StepBuilder<D> timeout(Duration stepTimeout) {
            if (stepTimeout == null || stepTimeout.isNegative() || stepTimeout.isZero()) {
                throw new IllegalArgumentException("Step " + name + ": timeout must be positive, was " + stepTimeout);
            }
            timeout = stepTimeout;
            return this;
        }

        public StepBuilder<D> step(String nextStep) {
            definition.steps.add(buildStep());
            return definition.step(nextStep);
        }

        public SagaDefinition<D> build() {
            definition.steps.add(buildStep());
            return definition.build();
        }

        private SagaStep<D> buildStep() {
            boolean awaitsReply = !actions.isEmpty();
            if (awaitsReply && successReplies.isEmpty()) {
                throw new IllegalStateException("Step " + name + " sends commands but no reply completes it");
            }
            if (!awaitsReply && (!successReplies.isEmpty() || !failureReplies.isEmpty())) {
                throw new IllegalStateException("Step " + name + " sends no command, so it cannot await a reply");
            }
            if (timeout != null && !awaitsReply && compensation == null) {
                throw new IllegalStateException("Step " + name + " never waits, so a timeout means nothing");
            }
            if (pivot && !awaitsReply) {
                throw new IllegalStateException("Step " + name + " sends no command, so it cannot be the pivot");
            }
            if (!transientReplies.isEmpty() && !awaitsReply && compensation == null) {
                throw new IllegalStateException("Step " + name + " never waits, so it cannot fail transiently");
            }
            requireDisjoint(successReplies, failureReplies.keySet(), "succeed and fail");
            requireDisjoint(successReplies, transientReplies.keySet(), "succeed and fail transiently");
            requireDisjoint(failureReplies.keySet(), transientReplies.keySet(), "fail and fail transiently");
            requireDisjoint(successReplies, recordedReplies, "succeed and be only recorded");
            requireDisjoint(failureReplies.keySet(), recordedReplies, "fail and be only recorded");
            requireDisjoint(transientReplies.keySet(), recordedReplies, "fail transiently and be only recorded");
            if (compensation != null) {
                requireDisjoint(compensation.confirmedBy(), transientReplies.keySet(),
                        "confirm the compensation and fail transiently");
            }
            return new SagaStep<>(name, actions, successReplies, failureReplies, transientReplies, recordedReplies,
                    compensation, timeout, pivot);
        }

        private void requireDisjoint(Set<Class<? extends Message>> a, Set<Class<? extends Message>> b, String what) {
            for (Class<? extends Message> reply : a) {
                if (b.contains(reply)) {
                    throw new IllegalStateException(
                            "Step " + name + ": " + reply.getSimpleName() + " cannot both " + what);
                }
            }
        }
    }

    private static String requireName(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A " + what + " needs a name");
        }
        return value;
    }
}
