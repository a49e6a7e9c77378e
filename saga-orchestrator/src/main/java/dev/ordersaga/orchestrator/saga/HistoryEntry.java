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
 * @param detail      small facts worth keeping: outcome, reason, direction, states, attempts, who asked
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
        return aboutCommand(HistoryType.COMMAND_SENT, command, new LinkedHashMap<>());
    }

    static HistoryEntry commandResent(SagaCommand command, int attempt) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("attempt", Integer.toString(attempt));
        return aboutCommand(HistoryType.COMMAND_RESENT, command, detail);
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
        return ignored(step, typeName(reply), reason);
    }

    /** An ignored message whose type the coordinator fills in: a cancellation reaches the engine as a reason only. */
    static HistoryEntry messageIgnored(String step, String reason) {
        return ignored(step, null, reason);
    }

    static HistoryEntry transientFailure(String step, Message reply, String reason, int nextTry) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("reason", reason);
        detail.put("nextTry", Integer.toString(nextTry));
        return new HistoryEntry(HistoryType.TRANSIENT_FAILURE, step, typeName(reply), null, detail);
    }

    /** A transient failure once the step's retry budget was spent: the saga compensates instead of retrying. */
    static HistoryEntry transientFailureGaveUp(String step, Message reply, String reason) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("reason", reason);
        detail.put("action", "compensate");
        return new HistoryEntry(HistoryType.TRANSIENT_FAILURE, step, typeName(reply), null, detail);
    }

    static HistoryEntry cancelRequested(String step, String reason) {
        Map<String, String> detail = new LinkedHashMap<>();
        putIfPresent(detail, "reason", reason);
        return new HistoryEntry(HistoryType.CANCEL_REQUESTED, step, null, null, detail);
    }

    static HistoryEntry deadlinePassed(String step, int attempts, String action) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("attempts", Integer.toString(attempts));
        detail.put("action", action);
        return new HistoryEntry(HistoryType.DEADLINE_PASSED, step, null, null, detail);
    }

    static HistoryEntry operatorAction(String step, String action, OperatorRequest request, OperatorOutcome outcome) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("action", action);
        detail.put("requestedBy", request.requestedBy());
        putIfPresent(detail, "reason", request.reason());
        detail.put("outcome", outcome.name());
        return new HistoryEntry(HistoryType.OPERATOR_ACTION, step, null, null, detail);
    }

    static HistoryEntry stateChanged(String step, SagaState from, SagaState to) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("from", from.name());
        detail.put("to", to.name());
        return new HistoryEntry(HistoryType.STATE_CHANGED, step, null, null, detail);
    }

    /**
     * Fills in what the engine cannot know about the message being handled (its id, and for a start or a
     * cancellation the type of the message) on the entries that describe it.
     */
    public HistoryEntry withIncomingMessage(String incomingType, UUID incomingMessageId) {
        if (!type.aboutIncomingMessage() || messageId != null) {
            return this;
        }
        return new HistoryEntry(type, step, messageType != null ? messageType : incomingType, incomingMessageId,
                detail);
    }

    private static HistoryEntry ignored(String step, String messageType, String reason) {
        return new HistoryEntry(HistoryType.REPLY_IGNORED, step, messageType, null, Map.of("reason", reason));
    }

    private static HistoryEntry aboutCommand(HistoryType type, SagaCommand command, Map<String, String> detail) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("direction", command.direction().label());
        all.putAll(detail);
        if (command.commandTry() > 0) {
            all.put("try", Integer.toString(command.commandTry()));
        }
        return new HistoryEntry(type, command.step(), command.type(), command.messageId(), all);
    }

    private static void putIfPresent(Map<String, String> detail, String key, String value) {
        if (value != null) {
            detail.put(key, value);
        }
    }

    private static String typeName(Message message) {
        return MessageType.of(message).typeName();
    }
}
