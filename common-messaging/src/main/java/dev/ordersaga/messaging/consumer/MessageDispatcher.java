package dev.ordersaga.messaging.consumer;

import dev.ordersaga.messaging.MessageContext;
import dev.ordersaga.schema.Message;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Handles one record of a subscription: decode, then record in the inbox and apply the effect in one
 * transaction. A failure propagates to the container's error handler, which retries or dead-letters.
 */
final class MessageDispatcher implements MessageListener<byte[], byte[]> {

    private static final Logger log = LoggerFactory.getLogger(MessageDispatcher.class);

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
        try (MDC.MDCCloseable orderId = MDC.putCloseable("orderId", key(record))) {
            IncomingMessage message = decoder.decode(record);
            try (MDC.MDCCloseable type = MDC.putCloseable("messageType", message.type().typeName());
                 MDC.MDCCloseable id = MDC.putCloseable("messageId", message.messageId().toString())) {
                dispatch(record, message);
            }
        }
    }

    private void dispatch(ConsumerRecord<byte[], byte[]> record, IncomingMessage message) {
        Optional<MessageHandler<Message>> handler = subscription.handlerFor(message.type());
        if (handler.isEmpty()) {
            skipUnhandled(record, message);
            return;
        }
        boolean applied = Boolean.TRUE.equals(transactions.execute(status -> apply(record, message, handler.get())));
        metrics.handled(record.topic(), message.type().typeName(), applied);
    }

    private boolean apply(ConsumerRecord<byte[], byte[]> record, IncomingMessage message,
                          MessageHandler<Message> handler) {
        if (!inbox.recordFirstDelivery(message.messageId(), message.type().typeName(), record.topic())) {
            log.debug("Skipping {} {}: already handled", message.type().typeName(), message.messageId());
            return false;
        }
        MessageContext context = new MessageContext(
                message.messageId(), message.type().typeName(), record.topic(), key(record), message.traceparent());
        MessageContext.callWithin(context, () -> {
            handler.handle(message.payload());
            return null;
        });
        return true;
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
