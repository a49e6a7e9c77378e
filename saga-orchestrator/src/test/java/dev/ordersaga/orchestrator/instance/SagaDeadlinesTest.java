package dev.ordersaga.orchestrator.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;

/** How a poll copes with failures; the real database runs in SagaDeadlinesIT. */
class SagaDeadlinesTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private final SagaStore instances = mock(SagaStore.class);
    private final SagaDefinitions definitions = mock(SagaDefinitions.class);
    private final PlatformTransactionManager transactionManager = mock(PlatformTransactionManager.class);
    private final SagaDeadlines deadlines = new SagaDeadlines(instances, definitions, mock(SagaTransitions.class),
            new SagaProperties(Duration.ofSeconds(30), Map.of(), 3, 2.0, Duration.ofMinutes(5), Duration.ofSeconds(2),
                    Duration.ofMinutes(2), Map.of(), Duration.ofSeconds(1), 100),
            mock(SagaMetrics.class), transactionManager, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aFailedBatchIsHandledOneByOneSoThatOneBadSagaHoldsUpNoOther() {
        SagaInstance bad = saga();
        SagaInstance good = saga();
        when(transactionManager.getTransaction(any())).thenReturn(new SimpleTransactionStatus());
        when(instances.lockDue(NOW, 100)).thenReturn(List.of(bad, good));
        when(definitions.forInstance(bad)).thenThrow(new IllegalStateException("unknown definition version"));
        when(instances.lockIfDue(any(), eq(NOW))).thenReturn(Optional.empty());

        deadlines.handleDue();

        verify(instances).lockIfDue(bad.getSagaId(), NOW);
        verify(instances).lockIfDue(good.getSagaId(), NOW);
    }

    @Test
    void whenTheDatabaseIsGoneThePollStopsInsteadOfWaitingOutEverySaga() {
        SagaInstance bad = saga();
        when(transactionManager.getTransaction(any()))
                .thenReturn(new SimpleTransactionStatus())
                .thenThrow(new CannotCreateTransactionException("Connection refused"));
        List<SagaInstance> batch = List.of(bad, saga(), saga(), saga());
        when(instances.lockDue(NOW, 100)).thenReturn(batch);
        when(definitions.forInstance(bad)).thenThrow(new IllegalStateException("unknown definition version"));

        assertThat(deadlines.handleDue()).isZero();

        // the batch, then one try for the first saga alone; the other three are left for the next poll
        verify(transactionManager, times(2)).getTransaction(any());
    }

    @Test
    void aBatchThatCannotStartFailsThePoll() {
        when(transactionManager.getTransaction(any()))
                .thenThrow(new CannotCreateTransactionException("Connection refused"));

        assertThatThrownBy(deadlines::handleDue)
                .isInstanceOf(CannotCreateTransactionException.class);
        verify(instances, never()).lockDue(any(), anyInt());
    }

    private static SagaInstance saga() {
        SagaInstance saga = mock(SagaInstance.class);
        when(saga.getSagaId()).thenReturn(UUID.randomUUID());
        return saga;
    }
}
