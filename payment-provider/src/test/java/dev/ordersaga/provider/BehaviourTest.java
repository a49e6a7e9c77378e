package dev.ordersaga.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class BehaviourTest {

    @Test
    void normalAnswersAtOnceNeverFailsAndDeclinesNobody() {
        Behaviour normal = Behaviour.normal();

        assertThat(normal.latencyMs()).isZero();
        assertThat(normal.answerDelayMs()).isZero();
        assertThat(normal.failureRate()).isZero();
        assertThat(normal.timeoutRate()).isZero();
        assertThat(normal.declines("anyone")).isFalse();
        assertThat(normal.seed()).isNull();
    }

    @Test
    void withersChangeOnlyTheirOwnSettings() {
        Behaviour changed = Behaviour.normal()
                .withLatencyMs(20)
                .withAnswerDelayMs(30)
                .withFailures(0.25, 500)
                .withTimeouts(0.5, 100)
                .withDeclinedCustomers("c-1", "c-2")
                .withSeed(7);

        assertThat(changed).isEqualTo(new Behaviour(20, 30, 0.25, 500, 0.5, 100, Set.of("c-1", "c-2"), 7L));
        assertThat(changed.declines("c-2")).isTrue();
        assertThat(changed.declines("c-3")).isFalse();
    }

    @Test
    void refusesValuesOutOfRange() {
        Behaviour normal = Behaviour.normal();

        assertThatThrownBy(() -> normal.withFailures(1.5, 503)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("failureRate");
        assertThatThrownBy(() -> normal.withFailures(0.5, 200)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("failureStatus");
        assertThatThrownBy(() -> normal.withTimeouts(-0.1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> normal.withTimeouts(0.1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> normal.withLatencyMs(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> normal.withAnswerDelayMs(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("answerDelayMs");
    }

    @Test
    void aJsonBehaviourTakesNormalValuesForWhatItLeavesOut() {
        Behaviour fromJson = new BehaviourJson(null, null, 0.3, null, null, null, null, null).toBehaviour();

        assertThat(fromJson).isEqualTo(Behaviour.normal().withFailures(0.3, Behaviour.normal().failureStatus()));
        assertThat(BehaviourJson.of(fromJson).toBehaviour()).isEqualTo(fromJson);
    }
}
