package dev.ordersaga.messaging.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TraceparentTest {

    private static final String VALID = "00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}";
    private static final String PARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";

    @Test
    void aChildKeepsTheTraceIdAndFlagsWithANewSpanId() {
        String child = Traceparent.childOf(PARENT);

        assertThat(child).matches(VALID)
                .startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-")
                .endsWith("-00")
                .isNotEqualTo(PARENT);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"garbage", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01",
            "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "00-4bf92f3577b34da6-00f067aa0ba902b7-01"})
    void aMissingOrMalformedParentStartsANewSampledTrace(String parent) {
        String root = Traceparent.childOf(parent);

        assertThat(root).matches(VALID).endsWith("-01");
    }

    @Test
    void readsTheTraceId() {
        assertThat(Traceparent.traceId(PARENT)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void everyChildGetsItsOwnSpanId() {
        Set<String> spans = new HashSet<>();
        IntStream.range(0, 1000).forEach(i -> spans.add(Traceparent.childOf(PARENT).substring(36, 52)));

        assertThat(spans).hasSize(1000);
    }
}
