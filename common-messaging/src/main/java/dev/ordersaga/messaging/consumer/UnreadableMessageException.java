package dev.ordersaga.messaging.consumer;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A record with valid headers whose value is a JSON object that does not fit its type. It is poison like any
 * other, unless its subscription answers such documents ({@link MessageSubscription#onUnreadable}); it carries
 * what the answer needs: the envelope and the violations.
 */
final class UnreadableMessageException extends PoisonMessageException {

    private final UUID messageId;
    private final String traceparent;
    private final transient UnreadableMessage document;

    UnreadableMessageException(UUID messageId, String traceparent, UnreadableMessage document,
                               JsonMappingException cause) {
        super("Value is not a valid " + document.type().typeName() + " document: " + document.violations().stream()
                .map(violation -> violation.field() + " " + violation.message())
                .collect(Collectors.joining("; ")), cause);
        this.messageId = messageId;
        this.traceparent = traceparent;
        this.document = document;
    }

    UUID messageId() {
        return messageId;
    }

    String traceparent() {
        return traceparent;
    }

    UnreadableMessage document() {
        return document;
    }
}
