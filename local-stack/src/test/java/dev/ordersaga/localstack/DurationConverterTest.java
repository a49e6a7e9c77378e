package dev.ordersaga.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @Test
    void secondsMinutesMillisecondsAndBareSeconds() {
        assertThat(converter.convert("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(converter.convert("0")).isEqualTo(Duration.ZERO);
    }

    @Test
    void anythingElseIsRejectedWithAnExample() {
        for (String bad : new String[] {"-5s", "1h", "1.5s", "s", "", "ten"}) {
            assertThatThrownBy(() -> converter.convert(bad)).isInstanceOf(TypeConversionException.class)
                    .hasMessageContaining("is not a duration; write e.g. 30s, 2m or 500ms");
        }
    }
}
