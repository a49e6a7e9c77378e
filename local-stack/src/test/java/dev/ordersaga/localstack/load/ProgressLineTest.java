package dev.ordersaga.localstack.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void showsSentCompletedInFlightNonZeroOutcomesAndRate() {
        Map<FinalOutcome, Long> outcomes = new EnumMap<>(FinalOutcome.class);
        outcomes.put(FinalOutcome.APPROVED, 1100L);
        outcomes.put(FinalOutcome.REJECTED, 50L);
        outcomes.put(FinalOutcome.CANCELLED, 0L);

        assertThat(ProgressLine.format(1200, 5000, 1150, outcomes, 382.4))
                .isEqualTo("sent 1200/5000  done 1150  in flight 50  [OrderApproved 1100, OrderRejected 50]  382 sagas/s");
    }
}
