package dev.ordersaga.orchestrator.saga;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.schema.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A tiny given/expect DSL over the pure engine: start a saga, feed it replies, and check the exact
 * commands and state after each step.
 *
 * <pre>{@code
 * given(definition).sagaStartedWith(data)
 *     .expect().command(new ReserveInventory(id, lines)).state(RUNNING)
 *     .andGivenReply(new InventoryReserved(id))
 *     .expect().command(new ChargePayment(id, customer, total)).state(RUNNING);
 * }</pre>
 */
final class SagaScenario<D extends SagaData<D>> {

    private final SagaEngine<D> engine;
    private final List<SagaCommand> sent = new ArrayList<>();
    private SagaSnapshot<D> saga;
    private Transition<D> last;

    private SagaScenario(SagaDefinition<D> definition) {
        this.engine = new SagaEngine<>(definition);
    }

    static <D extends SagaData<D>> SagaScenario<D> given(SagaDefinition<D> definition) {
        return new SagaScenario<>(definition);
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
        last = transition;
        sent.addAll(transition.commands());
        saga = new SagaSnapshot<>(sagaId, transition.state(), transition.currentStep(), transition.data());
    }

    final class Expectations {

        /** Exactly this one command was sent by the last start or reply. */
        Expectations command(Message expected) {
            return commands(expected);
        }

        /** Exactly these commands, in this order, were sent by the last start or reply. */
        Expectations commands(Message... expected) {
            assertThat(last.commands()).extracting(SagaCommand::command).containsExactly(expected);
            return this;
        }

        Expectations noCommands() {
            assertThat(last.commands()).isEmpty();
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

        /** The last reply changed nothing and was written down as ignored. */
        Expectations replyIgnored() {
            assertThat(last.changed()).isFalse();
            assertThat(last.history()).extracting(HistoryEntry::type).containsExactly(HistoryType.REPLY_IGNORED);
            return this;
        }

        Expectations history(HistoryType... expected) {
            assertThat(last.history()).extracting(HistoryEntry::type).containsExactly(expected);
            return this;
        }

        SagaScenario<D> andGivenReply(Message reply) {
            apply(saga.sagaId(), engine.handle(saga, reply));
            return SagaScenario.this;
        }

        Transition<D> transition() {
            return last;
        }

        List<SagaCommand> sentCommands() {
            return SagaScenario.this.sentCommands();
        }
    }
}
