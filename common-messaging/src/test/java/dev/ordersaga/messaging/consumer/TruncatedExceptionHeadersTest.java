package dev.ordersaga.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.KafkaHeaders;

class TruncatedExceptionHeadersTest {

    private final Headers headers = new RecordHeaders();

    @Test
    void namesTheListenersFailureAndItsCauseAndJoinsTheirMessagesAsSpringDoes() {
        create(new ListenerExecutionFailedException("Listener failed",
                new PoisonMessageException("Missing header message-id", new IllegalArgumentException("no id"))));

        assertThat(header(KafkaHeaders.DLT_EXCEPTION_FQCN)).isEqualTo(ListenerExecutionFailedException.class.getName());
        assertThat(header(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)).isEqualTo(PoisonMessageException.class.getName());
        assertThat(header(KafkaHeaders.DLT_EXCEPTION_MESSAGE)).isEqualTo("Listener failed;Missing header message-id");
        assertThat(header(KafkaHeaders.DLT_EXCEPTION_STACKTRACE))
                .startsWith(ListenerExecutionFailedException.class.getName() + ": Listener failed\n\tat ")
                .contains("\nCaused by: " + PoisonMessageException.class.getName() + ": Missing header message-id\n\tat ")
                .contains("\nCaused by: " + IllegalArgumentException.class.getName() + ": no id\n\tat ");
    }

    @Test
    void cutsAHugeMessageAndADeepStackTraceToAFewKilobytes() {
        create(new ListenerExecutionFailedException("Listener failed", deep(new PoisonMessageException("x".repeat(500_000)), 2_000)));

        byte[] message = headers.lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE).value();
        byte[] stackTrace = headers.lastHeader(KafkaHeaders.DLT_EXCEPTION_STACKTRACE).value();
        assertThat(message).hasSizeLessThanOrEqualTo(TruncatedExceptionHeaders.MAX_MESSAGE_BYTES);
        assertThat(new String(message, StandardCharsets.UTF_8)).startsWith("Listener failed;xxx").endsWith("... [truncated]");
        assertThat(stackTrace).hasSizeLessThanOrEqualTo(TruncatedExceptionHeaders.MAX_STACK_TRACE_BYTES);
        assertThat(new String(stackTrace, StandardCharsets.UTF_8)).endsWith("... [truncated]");
    }

    /** A record dead-lettered again (e.g. after a replay) keeps one set of exception headers, the latest. */
    @Test
    void replacesTheExceptionHeadersOfAnEarlierDeadLettering() {
        create(new ListenerExecutionFailedException("Listener failed", new PoisonMessageException("first")));
        create(new ListenerExecutionFailedException("Listener failed", new IllegalStateException("second")));

        assertThat(headers.headers(KafkaHeaders.DLT_EXCEPTION_MESSAGE)).hasSize(1);
        assertThat(headers.headers(KafkaHeaders.DLT_EXCEPTION_STACKTRACE)).hasSize(1);
        assertThat(header(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)).isEqualTo(IllegalStateException.class.getName());
        assertThat(header(KafkaHeaders.DLT_EXCEPTION_MESSAGE)).isEqualTo("Listener failed;second");
    }

    /** The container's deep stack must not push the listener's exception, the one that says what went wrong, out. */
    @Test
    void showsTheFirstFramesOfEveryExceptionOfTheChain() {
        Exception failure = new ListenerExecutionFailedException("Listener failed",
                deep(new PoisonMessageException("Missing header message-id"), 500));
        failure.setStackTrace(deep(new IllegalStateException(), 500).getStackTrace());

        String trace = TruncatedExceptionHeaders.stackTrace(failure);

        assertThat(trace).contains("\nCaused by: " + PoisonMessageException.class.getName())
                .containsPattern("\t\\.\\.\\. \\d+ more frames\n");
        assertThat(trace.lines().filter(line -> line.startsWith("\tat "))).hasSize(2 * TruncatedExceptionHeaders.FRAMES_PER_EXCEPTION);
        assertThat(trace.getBytes(StandardCharsets.UTF_8)).hasSizeLessThan(TruncatedExceptionHeaders.MAX_STACK_TRACE_BYTES);
    }

    @Test
    void neverCutsAMultiByteCharacterInHalf() {
        String euros = "€".repeat(1000); // three bytes each

        String cut = new String(TruncatedExceptionHeaders.truncated(euros, 100), StandardCharsets.UTF_8);

        assertThat(cut).matches("€+\\.\\.\\. \\[truncated]");
        assertThat(cut.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(100);
    }

    private void create(Exception failure) {
        new TruncatedExceptionHeaders().create(headers, failure, false, SPRING_HEADER_NAMES);
    }

    private String header(String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** An exception thrown {@code depth} calls down, so its stack trace is long. */
    private static RuntimeException deep(RuntimeException failure, int depth) {
        try {
            throwFrom(failure, depth);
        } catch (RuntimeException thrown) {
            return thrown;
        }
        throw new AssertionError("unreachable");
    }

    private static void throwFrom(RuntimeException failure, int depth) {
        if (depth == 0) {
            failure.fillInStackTrace();
            throw failure;
        }
        throwFrom(failure, depth - 1);
    }

    /** The header names Spring's recoverer uses by default. */
    private static final DeadLetterPublishingRecoverer.HeaderNames SPRING_HEADER_NAMES =
            DeadLetterPublishingRecoverer.HeaderNames.Builder.original()
                    .offsetHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET)
                    .timestampHeader(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP)
                    .timestampTypeHeader(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP_TYPE)
                    .topicHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC)
                    .partitionHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION)
                    .consumerGroupHeader(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)
                    .exception()
                    .keyExceptionFqcn(KafkaHeaders.DLT_KEY_EXCEPTION_FQCN)
                    .exceptionFqcn(KafkaHeaders.DLT_EXCEPTION_FQCN)
                    .exceptionCauseFqcn(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)
                    .keyExceptionMessage(KafkaHeaders.DLT_KEY_EXCEPTION_MESSAGE)
                    .exceptionMessage(KafkaHeaders.DLT_EXCEPTION_MESSAGE)
                    .keyExceptionStacktrace(KafkaHeaders.DLT_KEY_EXCEPTION_STACKTRACE)
                    .exceptionStacktrace(KafkaHeaders.DLT_EXCEPTION_STACKTRACE)
                    .build();
}
