package dev.ordersaga.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeBoundTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void anInstantIsThatInstant() {
        assertThat(TimeBound.parse("2025-06-01T10:15:30Z").resolve(NOW)).isEqualTo("2025-06-01T10:15:30Z");
    }

    @Test
    void anOffsetIsConvertedToUtc() {
        assertThat(TimeBound.parse("2025-06-01T12:15:30+02:00").resolve(NOW)).isEqualTo("2025-06-01T10:15:30Z");
    }

    @Test
    void aDurationMeansThatLongBeforeNow() {
        assertThat(TimeBound.parse("PT1H").resolve(NOW)).isEqualTo("2025-06-01T11:00:00Z");
        assertThat(TimeBound.parse("90m").resolve(NOW)).isEqualTo("2025-06-01T10:30:00Z");
    }

    @Test
    void agoIsResolvedWhenUsedNotWhenParsed() {
        TimeBound hourAgo = TimeBound.parse("PT1H");

        Clock later = Clock.offset(NOW, java.time.Duration.ofMinutes(10));

        assertThat(hourAgo.resolve(later)).isEqualTo("2025-06-01T11:10:00Z");
    }

    @Test
    void neitherFormIsRejected() {
        assertThatThrownBy(() -> TimeBound.parse("yesterday"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'yesterday' is neither an ISO-8601 instant (2025-06-01T10:00:00Z) nor a duration meaning ago (PT1H, 90m)");
    }
}
