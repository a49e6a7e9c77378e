package dev.ordersaga.orchestrator.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordersaga.schema.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tiny given/expect DSL over the pure engine: start a saga, feed it replies, cancellations, passed deadlines
 * and operator actions, and check the exact commands and state after each one.
 *
 * <pre>{@code
 * given(definition).sagaStartedWith(data)
 *     .expect().command(new ReserveInventory(id, lines)).state(RUNNING)
 *     .andGivenReply(new InventoryReserved(id))
 *     .expect().command(new ChargePayment(id, customer, total)).state(RUNNING)
 *     .andGivenDeadlinePassed()
 *     .expect().command(new ChargePayment(id, customer, total)).sameMessageIdsAsBefore().attempts(2);
 * }</pre>
 *
 * <p>Replies arrive within the current step's transient retry budget ({@link #BUDGET}) unless a test says
 * {@code andGivenReplyPastTheBudget}.
 */
final class SagaScenario<D extends SagaData<D>> {

    static final Duration BUDGET = Duration.ofMinutes(2);

    private final SagaEngine<D> engine;
    private final RetryPolicy retryPolicy;
    private final List<SagaCommand> sent = new ArrayList<>();
    private SagaSnapshot<D> saga;
    private Transition<D> last;
    private Transition<D> previous;
    private OperatorOutcome lastOutcome;

    private SagaScenario(SagaDefinition<D> definition, RetryPolicy retryPolicy) {
        this.engine = new SagaEngine<>(definition);
        this.retryPolicy = retryPolicy;
    }

    /** A scenario whose steps get three attempts. */
    static <D extends SagaData<D>> SagaScenario<D> given(SagaDefinition<D> definition) {
        return given(definition, new RetryPolicy(3));
    }

    static <D extends SagaData<D>> SagaScenario<D> given(SagaDefinition<D> definition, RetryPolicy retryPolicy) {
        return new SagaScenario<>(definition, retryPolicy);
    }

    SagaScenario<D> sagaStartedWith(D data) {
        apply(data.sagaId(), engine.start(data));
        return this;
    }

    Expectations expect() {
        return new Expectations();
    }

    /** Every command sent so far, in order. */
    List<SagaCommand> sentCommands() {
        return List.copyOf(sent);
    }

    private void apply(UUID sagaId, Transition<D> transition) {
        previous = last;
        last = transition;
        lastOutcome = null;
        sent.addAll(transition.commands());
        saga = new SagaSnapshot<>(sagaId, transition.state(), transition.currentStep(), transition.attempts(),
                transition.commandTry(), transition.retryPending(), transition.data());
    }

    private void apply(OperatorDecision<D> decision) {
        apply(saga.sagaId(), decision.transition());
        lastOutcome = decision.outcome();
    }

    final class Expectations {

        /** Exactly this one command was sent by the last event. */
        Expectations command(Message expected) {
            return commands(expected);
        }

        /** Exactly these commands, in this order, were sent by the last event. */
        Expectations commands(Message... expected) {
            assertThat(last.commands()).extracting(SagaCommand::command).containsExactly(expected);
            return this;
        }

        Expectations noCommands() {
            assertThat(last.commands()).isEmpty();
            return this;
        }

        /** The last event's commands carry exactly these message ids, in order. */
        Expectations messageIds(UUID... expected) {
            assertThat(last.commands()).extracting(SagaCommand::messageId).containsExactly(expected);
            return this;
        }

        /** The last event sent the same commands with the same ids as the one before it: a re-send. */
        Expectations sameMessageIdsAsBefore() {
            assertThat(last.commands()).isNotEmpty();
            assertThat(last.commands()).extracting(SagaCommand::messageId)
                    .containsExactlyElementsOf(previous.commands().stream().map(SagaCommand::messageId).toList());
            return this;
        }

        Expectations state(SagaState expected) {
            assertThat(last.state()).isEqualTo(expected);
            return this;
        }

        Expectations step(String expected) {
            assertThat(last.step().name()).isEqualTo(expected);
            return this;
        }

        Expectations data(D expected) {
            assertThat(last.data()).isEqualTo(expected);
            return this;
        }

        Expectations attempts(int expected) {
            assertThat(last.attempts()).as("attempts").isEqualTo(expected);
            return this;
        }

        Expectations commandTry(int expected) {
            assertThat(last.commandTry()).as("command try").isEqualTo(expected);
            return this;
        }

        /** Nothing was sent now: the step is tried again once its retry delay has passed. */
        Expectations retryPending() {
            assertThat(last.retryPending()).as("retry pending").isTrue();
            assertThat(last.changed()).isTrue();
            return this;
        }

        /** The saga waits for a reply to what it sent, not for the moment to try again. */
        Expectations awaitingReply() {
            assertThat(last.retryPending()).as("retry pending").isFalse();
            return this;
        }

        Expectations outcome(OperatorOutcome expected) {
            assertThat(lastOutcome).isEqualTo(expected);
            return this;
        }

        /** The last message changed nothing and was written down as ignored. */
        Expectations replyIgnored() {
            assertThat(last.changed()).isFalse();
            assertThat(last.history()).extracting(HistoryEntry::type).containsExactly(HistoryType.REPLY_IGNORED);
            return this;
        }

        Expectations unchanged() {
            assertThat(last.changed()).isFalse();
            return this;
        }

        Expectations history(HistoryType... expected) {
            assertThat(last.history()).extracting(HistoryEntry::type).containsExactly(expected);
            return this;
        }

        /** The last event's first history entry of {@code type} has exactly this detail. */
        Expectations historyDetail(HistoryType type, Map<String, String> expected) {
            assertThat(last.history()).filteredOn(entry -> entry.type() == type).first()
                    .extracting(HistoryEntry::detail).isEqualTo(expected);
            return this;
        }

        /** A reply while the current step's transient retry budget lasts. */
        SagaScenario<D> andGivenReply(Message reply) {
            apply(saga.sagaId(), engine.handle(saga, reply, TransientRetryBudget.left(BUDGET)));
            return SagaScenario.this;
        }

        /** A reply once the current step's transient retry budget is spent. */
        SagaScenario<D> andGivenReplyPastTheBudget(Message reply) {
            apply(saga.sagaId(), engine.handle(saga, reply, TransientRetryBudget.spent(BUDGET)));
            return SagaScenario.this;
        }

        SagaScenario<D> andGivenCancellation(String reason) {
            apply(saga.sagaId(), engine.cancel(saga, reason));
            return SagaScenario.this;
        }

        SagaScenario<D> andGivenDeadlinePassed() {
            apply(saga.sagaId(), engine.deadlinePassed(saga, retryPolicy));
            return SagaScenario.this;
        }

        SagaScenario<D> andGivenOperatorRetry(String requestedBy, String reason) {
            apply(engine.retry(saga, new OperatorRequest(requestedBy, reason)));
            return SagaScenario.this;
        }

        SagaScenario<D> andGivenOperatorCompensation(String requestedBy, String reason) {
            apply(engine.compensate(saga, new OperatorRequest(requestedBy, reason)));
            return SagaScenario.this;
        }

        /** Both operator actions are refused in the current state, with this message, and change nothing. */
        Expectations operatorActionsRefused(String retryMessage, String compensateMessage) {
            OperatorRequest request = new OperatorRequest("alice", "why not");
            assertThatThrownBy(() -> engine.retry(saga, request))
                    .isInstanceOf(OperatorActionRefusedException.class).hasMessage(retryMessage);
            assertThatThrownBy(() -> engine.compensate(saga, request))
                    .isInstanceOf(OperatorActionRefusedException.class).hasMessage(compensateMessage);
            return this;
        }

        /** Back to the scenario, e.g. to hand it on from a helper. */
        SagaScenario<D> and() {
            return SagaScenario.this;
        }

        /** Compensation is refused in the current state with this message, and changes nothing. */
        Expectations operatorCompensationRefused(String message) {
            assertThatThrownBy(() -> engine.compensate(saga, new OperatorRequest("alice", "why not")))
                    .isInstanceOf(OperatorActionRefusedException.class).hasMessage(message);
            return this;
        }

        Transition<D> transition() {
            return last;
        }

        List<SagaCommand> sentCommands() {
            return SagaScenario.this.sentCommands();
        }
    }
}
