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
 * says the topic is a broadcast where this service only picks what it needs. So is a document that does not
 * fit its type, unless {@link #onUnreadable} answers it.
 */
public final class MessageSubscription {

    private final String topic;
    private final Map<MessageType, PreparedMessageHandler<Message, Object>> handlers = new LinkedHashMap<>();
    private final Map<MessageType, UnreadableMessageHandler> unreadableHandlers = new LinkedHashMap<>();
    private boolean ignoreOthers;

    private MessageSubscription(String topic) {
        this.topic = topic;
    }

    public static MessageSubscription to(String topic) {
        return new MessageSubscription(topic);
    }

    @SuppressWarnings("unchecked")
    public <T extends Message> MessageSubscription on(Class<T> type, MessageHandler<? super T> handler) {
        MessageHandler<Message> untyped = (MessageHandler<Message>) handler;
        handlers.put(travellingHere(type), new TransactionalOnly<>(untyped::handle));
        return this;
    }

    /**
     * Handles {@code type} in two steps: {@link PreparedMessageHandler#prepare} outside any transaction, then
     * {@link PreparedMessageHandler#apply} in the inbox transaction. For work that must not hold a transaction
     * open, such as a remote call.
     */
    @SuppressWarnings("unchecked")
    public <T extends Message, P> MessageSubscription onPrepared(Class<T> type,
                                                                 PreparedMessageHandler<? super T, P> handler) {
        handlers.put(travellingHere(type), (PreparedMessageHandler<Message, Object>) handler);
        return this;
    }

    /**
     * Answers a document of {@code type} that is a JSON object but does not fit the type (a value of the wrong
     * JSON type, a number that would have to be coerced, a malformed UUID) with {@code handler}, once, in the
     * inbox transaction like any message, instead of dead-lettering it. Meant for public intake, where a
     * producer must hear why; on an internal topic such a document is a bug, and its dead letter says so.
     */
    public <T extends Message> MessageSubscription onUnreadable(Class<T> type, UnreadableMessageHandler handler) {
        unreadableHandlers.put(travellingHere(type), handler);
        return this;
    }

    public MessageSubscription ignoringOthers() {
        this.ignoreOthers = true;
        return this;
    }

    public String topic() {
        return topic;
    }

    /** A plain {@link MessageHandler} comes as a {@link TransactionalOnly}, which has nothing to prepare. */
    Optional<PreparedMessageHandler<Message, Object>> handlerFor(MessageType type) {
        return Optional.ofNullable(handlers.get(type));
    }

    Optional<UnreadableMessageHandler> unreadableHandlerFor(MessageType type) {
        return Optional.ofNullable(unreadableHandlers.get(type));
    }

    private MessageType travellingHere(Class<? extends Message> type) {
        MessageType messageType = MessageType.of(type);
        if (!messageType.topic().equals(topic)) {
            throw new IllegalArgumentException(
                    messageType.typeName() + " travels on " + messageType.topic() + ", not on " + topic);
        }
        return messageType;
    }

    boolean ignoresUnhandledTypes() {
        return ignoreOthers;
    }
}
