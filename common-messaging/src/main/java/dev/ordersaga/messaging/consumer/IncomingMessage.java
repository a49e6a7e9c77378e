package dev.ordersaga.messaging.consumer;

import dev.ordersaga.schema.Message;
import dev.ordersaga.schema.MessageType;
import java.util.UUID;

/** A decoded record: its envelope headers and its payload. */
record IncomingMessage(UUID messageId, MessageType type, String traceparent, Message payload) {
}
