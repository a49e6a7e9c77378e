package dev.ordersaga.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordersaga.messaging.MessageCodec;
import dev.ordersaga.schema.Headers;
import dev.ordersaga.schema.Topics;
import dev.ordersaga.schema.inventory.ReleaseInventory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

class MessageDispatcherTest {

    private static final MessageCodec CODEC = new MessageCodec();

    @Test
    void logLinesOfAHandlerCarryTheOrderMessageTypeAndIdAndNothingLeaksAfterwards() {
        UUID orderId = UUID.randomUUID();
        UUID messageId = UUID.randomUUID();
        Map<String, String> seenByHandler = new HashMap<>();
        MessageSubscription subscription = MessageSubscription.to(Topics.INVENTORY_COMMANDS)
                .on(ReleaseInventory.class, release -> seenByHandler.putAll(MDC.getCopyOfContextMap()));

        dispatcher(subscription).onMessage(record(orderId, messageId, new ReleaseInventory(orderId)));

        assertThat(seenByHandler).containsEntry("orderId", orderId.toString())
                .containsEntry("messageType", "ReleaseInventory")
                .containsEntry("messageId", messageId.toString());
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    private static MessageDispatcher dispatcher(MessageSubscription subscription) {
        Inbox alwaysFirstDelivery = new Inbox(new JdbcTemplate() {
            @Override
            public int update(String sql, Object... args) {
                return 1;
            }
        });
        return new MessageDispatcher(subscription, new IncomingMessageDecoder(CODEC), alwaysFirstDelivery,
                new TransactionTemplate(new NoTransactions()), new ConsumerMetrics(new SimpleMeterRegistry()));
    }

    private static ConsumerRecord<byte[], byte[]> record(UUID orderId, UUID messageId, ReleaseInventory message) {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(Topics.INVENTORY_COMMANDS, 0, 0L,
                orderId.toString().getBytes(StandardCharsets.UTF_8), CODEC.encode(message).getBytes(StandardCharsets.UTF_8));
        record.headers().add(Headers.MESSAGE_ID, messageId.toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(Headers.MESSAGE_TYPE, "ReleaseInventory".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** The dispatcher's transaction boundary without a database. */
    private static final class NoTransactions implements PlatformTransactionManager {

        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
        }

        @Override
        public void rollback(TransactionStatus status) {
        }
    }
}
