package dev.ordersaga.orchestrator.saga;

import dev.ordersaga.schema.Message;
import dev.ordersaga.schema.MessageType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One line of a saga's timeline, as the engine decided it.
 *
 * @param type        what happened
 * @param step        the step it concerns
 * @param messageType the message it concerns, if any
 * @param messageId   that message's id; null for the incoming message until {@link #withIncomingMessage}
 * @param detail      small facts worth keeping: outcome, reason, direction, states
 */
public record HistoryEntry(HistoryType type, String step, String messageType, UUID messageId,
                           Map<String, String> detail) {

    public HistoryEntry {
        detail = Collections.unmodifiableMap(new LinkedHashMap<>(detail));
    }

    static HistoryEntry started(String step, String definition, int version) {
        return new HistoryEntry(HistoryType.STARTED, step, null, null,
                Map.of("definition", definition, "definitionVersion", Integer.toString(version)));
    }

    static HistoryEntry commandSent(SagaCommand command) {
        return new HistoryEntry(HistoryType.COMMAND_SENT, command.step(), command.type(), command.messageId(),
                Map.of("direction", command.direction().label()));
    }

    static HistoryEntry replyReceived(String step, Message reply, String outcome) {
        return new HistoryEntry(HistoryType.REPLY_RECEIVED, step, typeName(reply), null, Map.of("outcome", outcome));
    }

    static HistoryEntry replyFailed(String step, Message reply, String reason) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("outcome", "failure");
        detail.put("reason", reason);
        return new HistoryEntry(HistoryType.REPLY_RECEIVED, step, typeName(reply), null, detail);
    }

    static HistoryEntry replyIgnored(String step, Message reply, String reason) {
        return new HistoryEntry(HistoryType.REPLY_IGNORED, step, typeName(reply), null, Map.of("reason", reason));
    }

    static HistoryEntry stateChanged(String step, SagaState from, SagaState to) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("from", from.name());
        detail.put("to", to.name());
        return new HistoryEntry(HistoryType.STATE_CHANGED, step, null, null, detail);
    }

    /**
     * Fills in what the engine cannot know about the message being handled (its id, and for a start the
     * type of the message that started the saga) on the entries that describe it.
     */
    public HistoryEntry withIncomingMessage(String incomingType, UUID incomingMessageId) {
        if (!type.aboutIncomingMessage() || messageId != null) {
            return this;
        }
        return new HistoryEntry(type, step, messageType != null ? messageType : incomingType, incomingMessageId,
                detail);
    }

    private static String typeName(Message message) {
        return MessageType.of(message).typeName();
    }
}
