package dev.ordersaga.messaging.consumer;

import dev.ordersaga.messaging.MessageContext;
import dev.ordersaga.schema.Message;
import dev.ordersaga.schema.MessageType;
import dev.ordersaga.schema.json.Echo;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Handles one record of a subscription: decode, then record in the inbox and apply the effect in one
 * transaction; a document that does not fit its type is answered the same way when the subscription opted
 * in. A failure propagates to the container's error handler, which retries or dead-letters.
 */
final class MessageDispatcher implements MessageListener<byte[], byte[]> {

    private static final Logger log = LoggerFactory.getLogger(MessageDispatcher.class);
    /** An order id is 36 characters; a producer's key may be any length, and goes into every log line. */
    private static final int MDC_KEY_LENGTH = 64;

    private final MessageSubscription subscription;
    private final IncomingMessageDecoder decoder;
    private final Inbox inbox;
    private final TransactionTemplate transactions;
    private final ConsumerMetrics metrics;

    MessageDispatcher(MessageSubscription subscription, IncomingMessageDecoder decoder, Inbox inbox,
                      TransactionTemplate transactions, ConsumerMetrics metrics) {
        this.subscription = subscription;
        this.decoder = decoder;
        this.inbox = inbox;
        this.transactions = transactions;
        this.metrics = metrics;
    }

    /** Log lines written while a message is handled carry its order id, type and id (MDC). */
    @Override
    public void onMessage(ConsumerRecord<byte[], byte[]> record) {
        try (MDC.MDCCloseable orderId = MDC.putCloseable("orderId", Echo.prefix(key(record), MDC_KEY_LENGTH))) {
            IncomingMessage message;
            try {
                message = decoder.decode(record);
            } catch (UnreadableMessageException unreadable) {
                answerUnreadable(record, unreadable);
                return;
            }
            try (MDC.MDCCloseable type = MDC.putCloseable("messageType", message.type().typeName());
                 MDC.MDCCloseable id = MDC.putCloseable("messageId", message.messageId().toString())) {
                dispatch(record, message);
            }
        }
    }

    private void dispatch(ConsumerRecord<byte[], byte[]> record, IncomingMessage message) {
        Optional<PreparedMessageHandler<Message, Object>> handler = subscription.handlerFor(message.type());
        if (handler.isEmpty()) {
            skipUnhandled(record, message);
            return;
        }
        Object prepared = handler.get() instanceof MessageSubscription.TransactionalOnly
                || inbox.holds(message.messageId())
                ? null
                : MessageContext.callWithin(context(record, message.messageId(), message.type(), message.traceparent()),
                        () -> handler.get().prepare(message.payload()));
        handleOnce(record, message.messageId(), message.type(), message.traceparent(),
                () -> handler.get().apply(message.payload(), prepared));
    }

    /**
     * A subscription that answers such documents does so once, like any message. Otherwise it is poison, and
     * dead-lettered as such: operators find every undecodable record under one exception class.
     */
    private void answerUnreadable(ConsumerRecord<byte[], byte[]> record, UnreadableMessageException unreadable) {
        UnreadableMessage document = unreadable.document();
        UnreadableMessageHandler handler = subscription.unreadableHandlerFor(document.type())
                .orElseThrow(() -> new PoisonMessageException(unreadable.getMessage(), unreadable.getCause()));
        try (MDC.MDCCloseable type = MDC.putCloseable("messageType", document.type().typeName());
             MDC.MDCCloseable id = MDC.putCloseable("messageId", unreadable.messageId().toString())) {
            log.info("Answering an unreadable {}: {}", document.type().typeName(), document.violations());
            handleOnce(record, unreadable.messageId(), document.type(), unreadable.traceparent(),
                    () -> handler.handle(document));
        }
    }

    private void handleOnce(ConsumerRecord<byte[], byte[]> record, UUID messageId, MessageType type,
                            String traceparent, Runnable effect) {
        boolean applied = Boolean.TRUE.equals(transactions.execute(
                status -> applyOnce(record, messageId, type, traceparent, effect)));
        metrics.handled(record.topic(), type.typeName(), applied);
    }

    private boolean applyOnce(ConsumerRecord<byte[], byte[]> record, UUID messageId, MessageType type,
                              String traceparent, Runnable effect) {
        if (!inbox.recordFirstDelivery(messageId, type.typeName(), record.topic())) {
            log.debug("Skipping {} {}: already handled", type.typeName(), messageId);
            return false;
        }
        MessageContext.callWithin(context(record, messageId, type, traceparent), () -> {
            effect.run();
            return null;
        });
        return true;
    }

    private static MessageContext context(ConsumerRecord<byte[], byte[]> record, UUID messageId, MessageType type,
                                          String traceparent) {
        return new MessageContext(messageId, type.typeName(), record.topic(), key(record), traceparent);
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    private void skipUnhandled(ConsumerRecord<byte[], byte[]> record, IncomingMessage message) {
        if (!subscription.ignoresUnhandledTypes()) {
            throw new PoisonMessageException(
                    "No handler for " + message.type().typeName() + " on " + record.topic() + " in this service");
        }
        log.trace("Ignoring {} on broadcast topic {}", message.type().typeName(), record.topic());
    }
}
