package dev.ordersaga.messaging.consumer;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames;
import org.springframework.kafka.listener.ErrorHandlingUtils;

/**
 * Spring Kafka's exception headers ({@code kafka_dlt-exception-fqcn}, {@code -cause-fqcn}, {@code -message},
 * {@code -stacktrace}), with the message and the stack trace cut to a few KB. Whole, a deep stack trace or a
 * message that quotes its input could push the dead letter of a record near the size limit past what the
 * dead-letter topic accepts, and the partition would wait behind it for good. The stack trace shows every
 * exception of the chain with its first frames only, so that the causes, below the container's deep frames,
 * survive the cut. Like Spring's default, each header replaces the one a previous dead-lettering left.
 */
final class TruncatedExceptionHeaders implements DeadLetterPublishingRecoverer.ExceptionHeadersCreator {

    static final int MAX_MESSAGE_BYTES = 2 * 1024;
    static final int MAX_STACK_TRACE_BYTES = 8 * 1024;
    static final int FRAMES_PER_EXCEPTION = 20;
    private static final String CUT_MARK = "... [truncated]";

    @Override
    public void create(Headers headers, Exception exception, boolean isKey, HeaderNames names) {
        HeaderNames.ExceptionInfo info = names.getExceptionInfo();
        replace(headers, isKey ? info.getKeyExceptionFqcn() : info.getExceptionFqcn(), exception.getClass().getName());
        Exception cause = ErrorHandlingUtils.findRootCause(exception);
        if (cause != null) {
            replace(headers, info.getExceptionCauseFqcn(), cause.getClass().getName());
        }
        String message = message(exception, cause);
        if (message != null) {
            replace(headers, isKey ? info.getKeyExceptionMessage() : info.getExceptionMessage(),
                    truncated(message, MAX_MESSAGE_BYTES));
        }
        replace(headers, isKey ? info.getKeyExceptionStacktrace() : info.getExceptionStacktrace(),
                truncated(stackTrace(exception), MAX_STACK_TRACE_BYTES));
    }

    /** As Spring builds it: the listener's failure, then the cause's message, which says what was wrong. */
    private static String message(Exception exception, Exception cause) {
        String message = exception.getMessage();
        if (cause == null || cause == exception || cause.getMessage() == null) {
            return message;
        }
        return message == null ? cause.getMessage() : message + ";" + cause.getMessage();
    }

    /** Like {@link Throwable#printStackTrace()}, with at most {@link #FRAMES_PER_EXCEPTION} frames of each exception. */
    static String stackTrace(Throwable exception) {
        StringBuilder trace = new StringBuilder();
        Set<Throwable> shown = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable current = exception; current != null && shown.add(current); current = current.getCause()) {
            trace.append(current == exception ? "" : "Caused by: ").append(current).append('\n');
            StackTraceElement[] frames = current.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, FRAMES_PER_EXCEPTION); i++) {
                trace.append("\tat ").append(frames[i]).append('\n');
            }
            if (frames.length > FRAMES_PER_EXCEPTION) {
                trace.append("\t... ").append(frames.length - FRAMES_PER_EXCEPTION).append(" more frames\n");
            }
        }
        return trace.toString();
    }

    /** At most {@code maxBytes} of UTF-8, cut on a character boundary and marked as cut. */
    static byte[] truncated(String text, int maxBytes) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return bytes;
        }
        byte[] mark = CUT_MARK.getBytes(StandardCharsets.UTF_8);
        int end = maxBytes - mark.length;
        // Never split a multi-byte character: back off the continuation bytes (10xxxxxx) of the one at the cut.
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        byte[] cut = new byte[end + mark.length];
        System.arraycopy(bytes, 0, cut, 0, end);
        System.arraycopy(mark, 0, cut, end, mark.length);
        return cut;
    }

    private static void replace(Headers headers, String name, String value) {
        replace(headers, name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void replace(Headers headers, String name, byte[] value) {
        headers.remove(name);
        headers.add(name, value);
    }
}
