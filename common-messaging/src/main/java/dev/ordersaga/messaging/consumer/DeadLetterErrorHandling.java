package dev.ordersaga.messaging.consumer;

import dev.ordersaga.messaging.MessagingProperties;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Only failures known to be transient (database unreachable, lock or serialization conflicts, timeouts)
 * are retried, in order, with bounded exponential backoff. Everything else (poison records, handler
 * bugs) and whatever still fails after the last retry goes to {@code <topic>-dlt}, same partition, with
 * Spring Kafka's {@code kafka_dlt-*} headers. If that publish fails, the record is not committed and is
 * tried again: nothing is dropped.
 */
final class DeadLetterErrorHandling {

    private DeadLetterErrorHandling() {
    }

    static DefaultErrorHandler errorHandler(KafkaOperations<byte[], byte[]> deadLetterTemplate,
                                            MessagingProperties.Retry retry) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetterTemplate);
        recoverer.setFailIfSendResultIsError(true);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff(retry));
        handler.defaultFalse();
        handler.addRetryableExceptions(
                TransientDataAccessException.class,
                RecoverableDataAccessException.class,
                DataAccessResourceFailureException.class,
                CannotCreateTransactionException.class,
                TimeoutException.class,
                SocketTimeoutException.class);
        return handler;
    }

    private static ExponentialBackOffWithMaxRetries backOff(MessagingProperties.Retry retry) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.getMaxRetries());
        backOff.setInitialInterval(retry.getInitialInterval().toMillis());
        backOff.setMultiplier(retry.getMultiplier());
        backOff.setMaxInterval(retry.getMaxInterval().toMillis());
        return backOff;
    }
}
