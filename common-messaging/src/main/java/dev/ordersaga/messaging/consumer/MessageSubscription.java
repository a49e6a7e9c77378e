package dev.ordersaga.messaging.consumer;

import dev.ordersaga.schema.Message;
import dev.ordersaga.schema.MessageType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a service consumes from one topic: a handler per message type. Declare one as a bean and the
 * library runs a listener container for it.
 *
 * <pre>{@code
 * @Bean
 * MessageSubscription inventoryCommands(Reservations reservations) {
 *     return MessageSubscription.to(Topics.INVENTORY_COMMANDS)
 *             .on(ReserveInventory.class, reservations::reserve)
 *             .on(ReleaseInventory.class, reservations::release);
 * }
 * }</pre>
 *
 * A type that belongs to the topic but has no handler is a dead letter, unless {@link #ignoringOthers()}
 * says the topic is a broadcast where this service only picks what it needs.
 */
public final class MessageSubscription {

    private final String topic;
    private final Map<MessageType, MessageHandler<Message>> handlers = new LinkedHashMap<>();
    private boolean ignoreOthers;

    private MessageSubscription(String topic) {
        this.topic = topic;
    }

    public static MessageSubscription to(String topic) {
        return new MessageSubscription(topic);
    }

    @SuppressWarnings("unchecked")
    public <T extends Message> MessageSubscription on(Class<T> type, MessageHandler<? super T> handler) {
        MessageType messageType = MessageType.of(type);
        if (!messageType.topic().equals(topic)) {
            throw new IllegalArgumentException(
                    messageType.typeName() + " travels on " + messageType.topic() + ", not on " + topic);
        }
        handlers.put(messageType, (MessageHandler<Message>) handler);
        return this;
    }

    public MessageSubscription ignoringOthers() {
        this.ignoreOthers = true;
        return this;
    }

    public String topic() {
        return topic;
    }

    Optional<MessageHandler<Message>> handlerFor(MessageType type) {
        return Optional.ofNullable(handlers.get(type));
    }

    boolean ignoresUnhandledTypes() {
        return ignoreOthers;
    }
}
