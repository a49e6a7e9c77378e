package dev.ordersaga.messaging.consumer;

import dev.ordersaga.schema.Message;
import dev.ordersaga.schema.json.Echo;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;

/**
 * Handles one poll of a subscription: decode every record, prepare the two-step handlers outside any
 * transaction, then record the poll in the inbox and apply each first delivery in one transaction
 * ({@link PollTransaction}). A two-step record behind an earlier record of its key starts a new such run
 * ({@link Poll#runsInKeyOrder}), so that it is prepared after that record is applied. A document that does not fit its type is answered the same way when the
 * subscription opted in.
 *
 * <p>The first record that fails, at whatever step, is reported to the container's error handler as a
 * {@link BatchListenerFailedException} with its position: the records before it are applied and their offsets
 * committed, and the error handler retries it (with the records behind it) or dead-letters it, exactly as it
 * would a single record.
 */
final class MessageDispatcher implements BatchMessageListener<byte[], byte[]> {

    private static final Logger log = LoggerFactory.getLogger(MessageDispatcher.class);
    private static final int REASON_ECHO = 200;

    private final MessageSubscription subscription;
    private final IncomingMessageDecoder decoder;
    private final Inbox inbox;
    private final PollTransaction transaction;
    private final ConsumerMetrics metrics;

    MessageDispatcher(MessageSubscription subscription, IncomingMessageDecoder decoder, Inbox inbox,
                      PollTransaction transaction, ConsumerMetrics metrics) {
        this.subscription = subscription;
        this.decoder = decoder;
        this.inbox = inbox;
        this.transaction = transaction;
        this.metrics = metrics;
    }

    @Override
    public void onMessage(List<ConsumerRecord<byte[], byte[]>> records) {
        Poll poll = decode(records);
        for (List<Delivery> run : poll.runsInKeyOrder()) {
            Poll part = new Poll();
            run.forEach(part::add);
            prepare(part);
            PollTransaction.Outcome outcome = transaction.apply(part.deliveries());
            outcome.applied().forEach(delivery -> handled(delivery, true));
            outcome.duplicates().forEach(delivery -> handled(delivery, false));
            // A failure in the transaction is always at an earlier record than one that stopped the run before it.
            failIfAny(outcome.failure() != null ? outcome.failure() : part.failure());
        }
        failIfAny(poll.failure());
    }

    private static void failIfAny(RecordFailure failure) {
        if (failure != null) {
            throw new BatchListenerFailedException(
                    "Record " + failure.index() + " of the poll failed: "
                            + Echo.prefix(String.valueOf(failure.cause().getMessage()), REASON_ECHO),
                    failure.cause(), failure.index());
        }
    }

    /** Up to the first record that cannot be handled at all. */
    private Poll decode(List<ConsumerRecord<byte[], byte[]>> records) {
        Poll poll = new Poll();
        for (int index = 0; index < records.size(); index++) {
            ConsumerRecord<byte[], byte[]> record = records.get(index);
            try (LogFields fields = LogFields.of(record)) {
                deliveryOf(index, record).ifPresent(poll::add);
            } catch (RuntimeException e) {
                poll.failAt(index, e);
                break;
            }
        }
        return poll;
    }

    private Optional<Delivery> deliveryOf(int index, ConsumerRecord<byte[], byte[]> record) {
        IncomingMessage message;
        try {
            message = decoder.decode(record);
        } catch (UnreadableMessageException unreadable) {
            return Optional.of(answerToUnreadable(index, record, unreadable));
        }
        Optional<PreparedMessageHandler<Message, Object>> handler = subscription.handlerFor(message.type());
        if (handler.isEmpty()) {
            skipUnhandled(record, message);
            return Optional.empty();
        }
        return Optional.of(new Delivery(index, record, message.messageId(), message.type(), message.traceparent(),
                message.payload(), handler.get()));
    }

    /**
     * A subscription that answers such documents does so once, like any message. Otherwise it is poison, and
     * dead-lettered as such: operators find every undecodable record under one exception class.
     */
    private Delivery answerToUnreadable(int index, ConsumerRecord<byte[], byte[]> record,
                                        UnreadableMessageException unreadable) {
        UnreadableMessage document = unreadable.document();
        UnreadableMessageHandler handler = subscription.unreadableHandlerFor(document.type())
                .orElseThrow(() -> new PoisonMessageException(unreadable.getMessage(), unreadable.getCause()));
        try (LogFields fields = LogFields.of(record, document.type(), unreadable.messageId())) {
            log.info("Answering an unreadable {}: {}", document.type().typeName(), document.violations());
        }
        return new Delivery(index, record, unreadable.messageId(), document.type(), unreadable.traceparent(),
                document, new TransactionalOnly<UnreadableMessage>(handler::handle));
    }

    /**
     * Runs the first step of two-step handlers, in order, outside any transaction; not for a message the inbox
     * holds, nor twice for one message id of the poll. Stops at the first failure.
     */
    private void prepare(Poll poll) {
        List<Delivery> deliveries = poll.deliveries();
        List<UUID> toPrepare = deliveries.stream().filter(Delivery::needsPreparation).map(Delivery::messageId).toList();
        if (toPrepare.isEmpty()) {
            return;
        }
        Set<UUID> prepared;
        try {
            prepared = new HashSet<>(inbox.heldAmong(toPrepare));
        } catch (RuntimeException e) {
            // Reported at the first record that needed the read, never as a failure of the whole poll: Spring's
            // fallback for that would dead-letter every record of the poll once its retries ran out.
            poll.failAtDelivery(firstNeedingPreparation(deliveries), e);
            return;
        }
        for (int position = 0; position < deliveries.size(); position++) {
            Delivery delivery = deliveries.get(position);
            if (!delivery.needsPreparation() || !prepared.add(delivery.messageId())) {
                continue;
            }
            try {
                delivery.prepare();
            } catch (RuntimeException e) {
                poll.failAtDelivery(position, e);
                return;
            }
        }
    }

    private static int firstNeedingPreparation(List<Delivery> deliveries) {
        for (int position = 0; position < deliveries.size(); position++) {
            if (deliveries.get(position).needsPreparation()) {
                return position;
            }
        }
        throw new IllegalStateException("no delivery needs preparation");
    }

    private void handled(Delivery delivery, boolean applied) {
        metrics.handled(delivery.record().topic(), delivery.type().typeName(), applied);
    }

    private void skipUnhandled(ConsumerRecord<byte[], byte[]> record, IncomingMessage message) {
        if (!subscription.ignoresUnhandledTypes()) {
            throw new PoisonMessageException(
                    "No handler for " + message.type().typeName() + " on " + record.topic() + " in this service");
        }
        log.trace("Ignoring {} on broadcast topic {}", message.type().typeName(), record.topic());
    }
}
