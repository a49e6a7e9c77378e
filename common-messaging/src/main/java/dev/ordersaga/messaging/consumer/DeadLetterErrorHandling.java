package dev.ordersaga.messaging.consumer;

import dev.ordersaga.messaging.MessagingProperties;
import dev.ordersaga.schema.Topics;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Only failures known to be transient (database unreachable, lock or serialization conflicts, timeouts)
 * are retried, in order, with bounded exponential backoff. Everything else (poison records, handler
 * bugs, a reply too large for the outbox) and whatever still fails after the last retry goes to
 * {@code <topic>-dlt}, same partition, with Spring Kafka's {@code kafka_dlt-*} headers, their message and
 * stack trace cut to a few KB so that the dead letter of a full-size record still fits its topic. If that
 * publish fails, the record is not committed and is tried again: nothing is dropped.
 */
final class DeadLetterErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterErrorHandling.class);

    private DeadLetterErrorHandling() {
    }

    static DefaultErrorHandler errorHandler(KafkaOperations<byte[], byte[]> deadLetterTemplate,
                                            MessagingProperties.Retry retry, ConsumerMetrics metrics) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(deadLetterTemplate);
        deadLetters.setFailIfSendResultIsError(true);
        deadLetters.setExceptionHeadersCreator(new TruncatedExceptionHeaders());
        DefaultErrorHandler handler = new DefaultErrorHandler(reported(deadLetters, metrics), backOff(retry));
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

    /** Says what was dead-lettered and why, once the dead letter is safely published (a failed publish throws first). */
    private static ConsumerRecordRecoverer reported(DeadLetterPublishingRecoverer deadLetters, ConsumerMetrics metrics) {
        return (record, thrown) -> {
            Exception failure = withoutBatchWrapper(thrown);
            deadLetters.accept(record, failure);
            Throwable cause = unwrapped(failure);
            metrics.deadLettered(record.topic(), cause.getClass().getSimpleName());
            log.warn("Dead-lettered {}-{}@{} (key {}) to {}: {}", record.topic(), record.partition(), record.offset(),
                    record.key() instanceof byte[] key ? new String(key, StandardCharsets.UTF_8) : record.key(),
                    Topics.deadLetterOf(record.topic()), cause.toString());
        };
    }

    /**
     * The batch listener names its failed record with a {@link BatchListenerFailedException} around what that
     * record threw. Spring's headers take the cause of the container's wrapper as the cause, so without this the
     * dead letter would name the wrapper instead of, say, the {@code PoisonMessageException}, as it did when
     * records were handled one by one.
     */
    static Exception withoutBatchWrapper(Exception thrown) {
        if (thrown instanceof ListenerExecutionFailedException container
                && container.getCause() instanceof BatchListenerFailedException batch
                && batch.getCause() instanceof Exception recordFailure) {
            return new ListenerExecutionFailedException(container.getMessage(), container.getGroupId(), recordFailure);
        }
        return thrown instanceof BatchListenerFailedException batch && batch.getCause() instanceof Exception recordFailure
                ? recordFailure
                : thrown;
    }

    /** The exception the listener threw, as in the {@code kafka_dlt-exception-cause-fqcn} header. */
    private static Throwable unwrapped(Exception failure) {
        return failure instanceof ListenerExecutionFailedException && failure.getCause() != null
                ? failure.getCause()
                : failure;
    }

    private static ExponentialBackOffWithMaxRetries backOff(MessagingProperties.Retry retry) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.getMaxRetries());
        backOff.setInitialInterval(retry.getInitialInterval().toMillis());
        backOff.setMultiplier(retry.getMultiplier());
        backOff.setMaxInterval(retry.getMaxInterval().toMillis());
        return backOff;
    }
}
