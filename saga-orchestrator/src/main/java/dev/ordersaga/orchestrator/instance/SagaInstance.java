package dev.ordersaga.orchestrator.instance;

import dev.ordersaga.orchestrator.saga.OrderSagaData;
import dev.ordersaga.orchestrator.saga.SagaDefinition;
import dev.ordersaga.orchestrator.saga.SagaSnapshot;
import dev.ordersaga.orchestrator.saga.SagaState;
import dev.ordersaga.orchestrator.saga.Transition;
import dev.ordersaga.support.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/** A running or finished create-order saga. Its id is the order id. */
@Entity
@Table(name = "saga_instances")
public class SagaInstance extends AuditedEntity<UUID> {

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

    @Version
    private long version;

    protected SagaInstance() {
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
        data = transition.data();
        this.stepDeadline = stepDeadline;
        attempts = transition.attempts();
        commandTry = transition.commandTry();
        retryPending = transition.retryPending();
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

    @Override
    public UUID getId() {
        return sagaId;
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
}
