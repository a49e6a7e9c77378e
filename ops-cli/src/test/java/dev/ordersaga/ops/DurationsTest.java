package dev.ordersaga.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "500ms, PT0.5S",
        "10s, PT10S",
        "5m, PT5M",
        "2h, PT2H",
        "3d, PT72H",
        "1h30m, PT1H30M",
        "1M, PT1M",
        "PT5M, PT5M",
        "pt90s, PT1M30S",
        "P1D, PT24H",
        "' 7s ', PT7S"
    })
    void shortFormsAndIso8601AreRead(String text, String expected) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "m", "5 m", "5min", "-5m", "PT", "1.5s", "ten seconds"})
    void anythingElseIsRejectedWithTheAcceptedForms(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a duration; use e.g. 30s, 5m, 1h30m, 2d or ISO-8601 like PT5M");
    }

    @ParameterizedTest
    @CsvSource({
        "PT0.85S, 850ms",
        "PT12S, 12s",
        "PT4M12S, 4m12s",
        "PT4M, 4m00s",
        "PT3H5M20S, 3h05m",
        "PT51H, 2d3h",
        "PT-63S, -1m03s"
    })
    void formatKeepsTheTwoLargestUnits(String duration, String expected) {
        assertThat(Durations.format(Duration.parse(duration))).isEqualTo(expected);
    }
}
