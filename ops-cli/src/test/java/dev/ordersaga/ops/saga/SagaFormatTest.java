package dev.ordersaga.ops.saga;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SagaFormatTest {

    private static final Instant NOW = Instant.parse("2025-06-01T10:05:00Z");
    private static final Instant DEADLINE = Instant.parse("2025-06-01T10:04:00Z");

    @Test
    void thePastDeadlineOfALiveSagaIsOverdue() {
        assertThat(SagaFormat.deadline(DEADLINE, null, "RUNNING", NOW)).isEqualTo("2025-06-01T10:04:00Z (overdue by 1m00s)");
        assertThat(SagaFormat.deadline(DEADLINE, null, "COMPENSATING", NOW)).endsWith("(overdue by 1m00s)");
    }

    @Test
    void aDeadlineAheadIsCountedDown() {
        assertThat(SagaFormat.deadline(NOW.plusSeconds(12), null, "RUNNING", NOW)).endsWith("(in 12s)");
    }

    @Test
    void theOrchestratorsOverdueFlagWins() {
        assertThat(SagaFormat.deadline(DEADLINE, false, "RUNNING", NOW)).endsWith("(passed 1m00s ago)");
        assertThat(SagaFormat.deadline(NOW.plusSeconds(5), true, "RUNNING", NOW)).endsWith("(overdue by -5s)");
    }

    @Test
    void aFinalSagaIsNeverOverdue() {
        assertThat(SagaFormat.deadline(DEADLINE, null, "COMPLETED", NOW)).endsWith("(passed 1m00s ago)");
    }

    @Test
    void noDeadlineIsADash() {
        assertThat(SagaFormat.deadline(null, null, "COMPLETED", NOW)).isEqualTo("-");
    }

    @Test
    void fieldsTheOrchestratorDoesNotSendYetAreShownAsMissing() {
        SagaViews.SagaDetails sparse = new SagaViews.SagaDetails(null, null, "create-order", 1, "COMPLETED", 3,
                "approve-order", null, null, null, null, NOW.minusSeconds(30), NOW, null);

        String text = SagaFormat.details(sparse, NOW);

        assertThat(text).contains("  attempts  -\n", "  deadline  -\n", "  created   2025-06-01T10:04:30Z (30s ago)\n")
                .endsWith("AT  TYPE  STEP  MESSAGE  MESSAGE ID  DETAIL\n");
    }
}
