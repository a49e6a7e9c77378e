package dev.ordersaga.orchestrator.saga;

import dev.ordersaga.schema.Message;
import dev.ordersaga.schema.MessageType;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A command the saga sends, with a message id derived from what it is rather than drawn at random, so a
 * re-send of the same step's command carries the id the participant's inbox already holds.
 *
 * <p>A participant that answers "not now" (a transient failure) has recorded that id as handled, so the
 * next try must be a new message: the command try is part of the id from the second try on.
 *
 * @param command    the message
 * @param messageId  {@code UUID.nameUUIDFromBytes(sagaId:step:commandType:direction[:try-N])}
 * @param step       the step that sends it
 * @param direction  forward or compensation
 * @param commandTry 0 for the first try; raised by each transient failure of the step
 */
public record SagaCommand(Message command, UUID messageId, String step, Direction direction, int commandTry) {

    static SagaCommand of(UUID sagaId, String step, Direction direction, int commandTry, Message command) {
        return new SagaCommand(command, messageIdFor(sagaId, step, typeName(command), direction, commandTry), step,
                direction, commandTry);
    }

    /** The id of the first try of a command. */
    public static UUID messageIdFor(UUID sagaId, String step, String commandType, Direction direction) {
        return messageIdFor(sagaId, step, commandType, direction, 0);
    }

    /** The id of try {@code commandTry}; try 0 keeps the id commands had before tries existed. */
    public static UUID messageIdFor(UUID sagaId, String step, String commandType, Direction direction,
                                    int commandTry) {
        String name = sagaId + ":" + step + ":" + commandType + ":" + direction.label()
                + (commandTry > 0 ? ":try-" + commandTry : "");
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    public String type() {
        return typeName(command);
    }

    private static String typeName(Message command) {
        return MessageType.of(command).typeName();
    }
}
