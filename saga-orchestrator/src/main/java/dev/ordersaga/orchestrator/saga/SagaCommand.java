package dev.ordersaga.orchestrator.saga;

import dev.ordersaga.schema.Message;
import dev.ordersaga.schema.MessageType;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A command the saga sends, with a message id derived from what it is rather than drawn at random, so a
 * re-send of the same step's command carries the id the participant's inbox already holds.
 *
 * @param command   the message
 * @param messageId {@code UUID.nameUUIDFromBytes(sagaId:step:commandType:direction)}
 * @param step      the step that sends it
 * @param direction forward or compensation
 */
public record SagaCommand(Message command, UUID messageId, String step, Direction direction) {

    static SagaCommand of(UUID sagaId, String step, Direction direction, Message command) {
        return new SagaCommand(command, messageIdFor(sagaId, step, typeName(command), direction), step, direction);
    }

    public static UUID messageIdFor(UUID sagaId, String step, String commandType, Direction direction) {
        String name = sagaId + ":" + step + ":" + commandType + ":" + direction.label();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    public String type() {
        return typeName(command);
    }

    private static String typeName(Message command) {
        return MessageType.of(command).typeName();
    }
}
