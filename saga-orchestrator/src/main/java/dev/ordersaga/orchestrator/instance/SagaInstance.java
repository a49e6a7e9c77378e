package dev.ordersaga.orchestrator.instance;

import dev.ordersaga.orchestrator.saga.OrderSagaData;
import dev.ordersaga.orchestrator.saga.SagaDefinition;
import dev.ordersaga.orchestrator.saga.SagaSnapshot;
import dev.ordersaga.orchestrator.saga.SagaState;
import dev.ordersaga.orchestrator.saga.Transition;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/**
 * A running or finished create-order saga. Its id is the order id.
 *
 * <p>Written only by {@link SagaStore} in plain SQL; mapped for JPA as well, read-only, so that the admin API
 * can search and read instances with JPA queries. Never mix the two in one path: a saga loaded by JPA is for
 * reading, one loaded by the store is for deciding and writing.
 */
@Entity
@Immutable
@Table(name = "saga_instances")
public class SagaInstance {

    @Id
    @Column(name = "saga_id")
    private UUID sagaId;

    @Column(name = "definition_name", nullable = false, updatable = false)
    private String definitionName;

    @Column(name = "definition_version", nullable = false, updatable = false)
    private int definitionVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SagaState state;

    @Column(name = "current_step", nullable = false)
    private int currentStep;

    @Column(name = "step_deadline")
    private Instant stepDeadline;

    /**
     * When the saga moved to its current step (forward or compensation): its first send, from which the
     * step's transient retry budget runs. Kept once the saga ends; null only on rows from before V5 that have
     * not changed since.
     */
    @Column(name = "step_started_at")
    private Instant stepStartedAt;

    /**
     * The awaited step's attempts: its first send plus each re-send after no reply in time, made by the
     * deadline poller. A try after a transient failure counts none.
     */
    @Column(nullable = false)
    private int attempts;

    /** The awaited step's command try: raised by each transient failure, part of its commands' message ids. */
    @Column(name = "command_try", nullable = false)
    private int commandTry;

    /** The deadline is a retry delay after a transient failure: when it passes, the next try goes out. */
    @Column(name = "retry_pending", nullable = false)
    private boolean retryPending;

    // The data is a record, replaced on change, never mutated: no deep copy or JSON round trip for dirty checks.
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(nullable = false)
    private OrderSagaData data;

    /** Optimistic lock: the store updates a row only at the version it read, and raises it. */
    @Column(nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Whether {@link #apply} replaced the data since it was read: only then does the store write it again. */
    @Transient
    private boolean dataChanged;

    protected SagaInstance() {
    }

    /** An instance as the store read it. */
    static SagaInstance stored(UUID sagaId, String definitionName, int definitionVersion, SagaState state,
                               int currentStep, Instant stepDeadline, Instant stepStartedAt, int attempts,
                               int commandTry, boolean retryPending, OrderSagaData data, long version,
                               Instant createdAt, Instant updatedAt) {
        SagaInstance instance = new SagaInstance();
        instance.sagaId = sagaId;
        instance.definitionName = definitionName;
        instance.definitionVersion = definitionVersion;
        instance.state = state;
        instance.currentStep = currentStep;
        instance.stepDeadline = stepDeadline;
        instance.stepStartedAt = stepStartedAt;
        instance.attempts = attempts;
        instance.commandTry = commandTry;
        instance.retryPending = retryPending;
        instance.data = data;
        instance.markStored(version, createdAt, updatedAt);
        return instance;
    }

    static SagaInstance start(SagaDefinition<OrderSagaData> definition, Transition<OrderSagaData> started,
                              Instant now, Instant stepDeadline) {
        SagaInstance instance = new SagaInstance();
        instance.sagaId = started.data().sagaId();
        instance.definitionName = definition.name();
        instance.definitionVersion = definition.version();
        instance.apply(started, now, stepDeadline);
        return instance;
    }

    /**
     * Takes the engine's decision made at {@code now}; {@code stepDeadline} is null once the saga is final.
     * A move to another step, or into compensation, starts that step now; a re-send or a retry does not.
     */
    void apply(Transition<OrderSagaData> transition, Instant now, Instant stepDeadline) {
        if (transition.awaitsReply() && (stepStartedAt == null || movesToAnotherStep(transition))) {
            stepStartedAt = now;
        }
        state = transition.state();
        currentStep = transition.currentStep();
        dataChanged |= !transition.data().equals(data);
        data = transition.data();
        this.stepDeadline = stepDeadline;
        attempts = transition.attempts();
        commandTry = transition.commandTry();
        retryPending = transition.retryPending();
    }

    /** The store wrote this instance: it is now at {@code version}, its data as stored. */
    void markStored(long version, Instant createdAt, Instant updatedAt) {
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        dataChanged = false;
    }

    boolean isDataChanged() {
        return dataChanged;
    }

    /** When the current step started, for a row from before V5 that has not changed since: {@code now}. */
    Instant stepStartedAtOr(Instant now) {
        return stepStartedAt == null ? now : stepStartedAt;
    }

    private boolean movesToAnotherStep(Transition<OrderSagaData> transition) {
        return transition.state() != state || transition.currentStep() != currentStep;
    }

    SagaSnapshot<OrderSagaData> snapshot() {
        return new SagaSnapshot<>(sagaId, state, currentStep, attempts, commandTry, retryPending, data);
    }

    public UUID getSagaId() {
        return sagaId;
    }

    public String getDefinitionName() {
        return definitionName;
    }

    public int getDefinitionVersion() {
        return definitionVersion;
    }

    public SagaState getState() {
        return state;
    }

    public int getCurrentStep() {
        return currentStep;
    }

    public Instant getStepDeadline() {
        return stepDeadline;
    }

    public Instant getStepStartedAt() {
        return stepStartedAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public int getCommandTry() {
        return commandTry;
    }

    public boolean isRetryPending() {
        return retryPending;
    }

    /** True while the saga waits and its deadline has passed: the poller has not handled it (yet). */
    public boolean isOverdueAt(Instant now) {
        return stepDeadline != null && !stepDeadline.isAfter(now);
    }

    public OrderSagaData getData() {
        return data;
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
