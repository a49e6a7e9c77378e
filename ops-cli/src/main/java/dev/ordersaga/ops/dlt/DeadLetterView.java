package dev.ordersaga.ops.dlt;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ordersaga.ops.Json;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.header.Header;

/** How {@code dlt show} presents a dead letter: as text for a person, or as JSON. */
final class DeadLetterView {

    private static final String LABEL_FORMAT = "  %-11s%s%n";

    private DeadLetterView() {
    }

    static String text(DeadLetter letter, boolean withStackTrace, boolean withHeaders) {
        StringBuilder text = new StringBuilder();
        text.append(letter.coordinates()).append("  dead-lettered ").append(letter.timestamp()).append('\n');
        line(text, "original", original(letter));
        line(text, "key", Objects.toString(letter.keyText(), "(none)"));
        line(text, "type", Objects.toString(letter.messageType(), "(none)"));
        line(text, "message-id", Objects.toString(letter.messageId(), "(none)"));
        line(text, "exception", letter.exceptionClass());
        line(text, "message", Objects.toString(letter.exceptionMessage(), "(none)"));
        if (withStackTrace) {
            text.append("  stack trace:\n").append(indented(Objects.toString(letter.stackTrace(), "(none)")));
        }
        if (withHeaders) {
            text.append("  headers:\n");
            letter.headers().forEach(header -> text.append("    ").append(header.key()).append(": ")
                    .append(headerValue(header)).append('\n'));
        }
        text.append(payload(letter));
        return text.toString();
    }

    static ShowJson json(DeadLetter letter, boolean withStackTrace, boolean withHeaders) {
        Optional<JsonNode> json = letter.jsonValue();
        return new ShowJson(letter.topic(), letter.partition(), letter.offset(), letter.timestamp(),
                new OriginalJson(letter.originalTopic(), letter.originalPartition(), letter.originalOffset(),
                        letter.originalTimestamp(), letter.originalConsumerGroup()),
                letter.keyText(), letter.messageType(), letter.messageId(),
                new ExceptionJson(letter.exceptionClass(), letter.header(DeadLetterHeaders.EXCEPTION_FQCN),
                        letter.exceptionMessage(), withStackTrace ? letter.stackTrace() : null),
                withHeaders ? letter.headers().stream().map(h -> new HeaderJson(h.key(), headerValue(h))).toList() : null,
                json.orElse(null),
                json.isPresent() || letter.value() == null ? null : Bytes.escape(letter.value()));
    }

    private static String original(DeadLetter letter) {
        if (letter.originalTopic() == null) {
            return "(no " + DeadLetterHeaders.ORIGINAL_TOPIC + " header)";
        }
        return letter.originalTopic() + "-" + Objects.toString(letter.originalPartition(), "?") + "@"
                + Objects.toString(letter.originalOffset(), "?")
                + "  " + Objects.toString(letter.originalTimestamp(), "-")
                + "  group " + Objects.toString(letter.originalConsumerGroup(), "-");
    }

    private static String payload(DeadLetter letter) {
        if (letter.value() == null) {
            return "  payload:   (null)\n";
        }
        return letter.jsonValue()
                .map(json -> "  payload (JSON):\n" + indented(Json.pretty(json)))
                .orElseGet(() -> "  payload (not JSON, " + letter.value().length + " bytes, escaped):\n"
                        + "    " + Bytes.escape(letter.value()) + "\n");
    }

    /** The numbers Spring writes in binary are shown as numbers; everything else as escaped text. */
    private static String headerValue(Header header) {
        if (header.value() == null) {
            return "(null)";
        }
        if (DeadLetterHeaders.isNumeric(header.key())) {
            Long number = DeadLetterHeaders.number(header.value());
            if (number != null) {
                return number.toString();
            }
        }
        return Bytes.escape(header.value());
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format(LABEL_FORMAT, label, value));
    }

    private static String indented(String block) {
        StringBuilder text = new StringBuilder();
        block.lines().forEach(line -> text.append("    ").append(line).append('\n'));
        return text.toString();
    }

    /** The {@code --json} shape of a dead letter: {@code payload} when the value is JSON, else {@code payloadText}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ShowJson(String topic, int partition, long offset, Instant timestamp, OriginalJson original, String key,
                    String messageType, String messageId, ExceptionJson exception, List<HeaderJson> headers,
                    JsonNode payload, String payloadText) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OriginalJson(String topic, Integer partition, Long offset, Instant timestamp, String consumerGroup) {
    }

    /** {@code className} is the real cause when Spring recorded one; {@code wrapper} is Spring's exception around it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ExceptionJson(String className, String wrapper, String message, String stackTrace) {
    }

    record HeaderJson(String name, String value) {
    }
}
