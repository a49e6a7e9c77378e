package dev.ordersaga.messaging.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ordersaga.messaging.MessageCodec;
import dev.ordersaga.messaging.MessageContext;
import dev.ordersaga.schema.Headers;
import dev.ordersaga.schema.MessageType;
import dev.ordersaga.schema.Topics;
import dev.ordersaga.schema.intake.CancelOrder;
import dev.ordersaga.schema.intake.PlaceOrder;
import dev.ordersaga.schema.inventory.ReleaseInventory;
import dev.ordersaga.schema.json.BindingViolation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

class MessageDispatcherTest {

    private static final MessageCodec CODEC = new MessageCodec();

    private final Set<UUID> inbox = new LinkedHashSet<>();

    @Test
    void logLinesOfAHandlerCarryTheOrderMessageTypeAndIdAndNothingLeaksAfterwards() {
        UUID orderId = UUID.randomUUID();
        UUID messageId = UUID.randomUUID();
        Map<String, String> seenByHandler = new HashMap<>();
        MessageSubscription subscription = MessageSubscription.to(Topics.INVENTORY_COMMANDS)
                .on(ReleaseInventory.class, release -> seenByHandler.putAll(MDC.getCopyOfContextMap()));

        dispatcher(subscription).onMessage(List.of(record(orderId, messageId, new ReleaseInventory(orderId))));

        assertThat(seenByHandler).containsEntry("orderId", orderId.toString())
                .containsEntry("messageType", "ReleaseInventory")
                .containsEntry("messageId", messageId.toString());
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    /** The record key is the producer's, of any length: the log field holds a bounded prefix, the handler all of it. */
    @Test
    void logLinesCarryABoundedPrefixOfAKeyThatIsNoOrderIdWhileTheHandlerSeesTheWholeKey() {
        String key = "k".repeat(1000) + "\nforged log line";
        Map<String, String> logged = new HashMap<>();
        List<String> handlerKeys = new ArrayList<>();
        MessageSubscription subscription = MessageSubscription.to(Topics.ORDER_REQUESTS)
                .on(CancelOrder.class, cancel -> {
                    logged.putAll(MDC.getCopyOfContextMap());
                    handlerKeys.add(MessageContext.current().orElseThrow().key());
                });

        dispatcher(subscription).onMessage(List.of(
                cancelOrder(key, UUID.randomUUID(), "{\"orderId\":\"" + UUID.randomUUID() + "\"}")));

        assertThat(logged.get("orderId")).isEqualTo("k".repeat(64) + "\u2026");
        assertThat(handlerKeys).containsExactly(key);
    }

    @Test
    void subscriptionThatAnswersUnreadableDocumentsGetsTheViolationsOnceInTheInboxTransactionWithTheRecordsKey() {
        UUID messageId = UUID.randomUUID();
        List<UnreadableMessage> answered = new ArrayList<>();
        List<MessageContext> contexts = new ArrayList<>();
        MessageSubscription subscription = MessageSubscription.to(Topics.ORDER_REQUESTS)
                .on(CancelOrder.class, cancel -> {
                    throw new AssertionError("an unreadable CancelOrder reached the handler of readable ones");
                })
                .onUnreadable(CancelOrder.class, unreadable -> {
                    answered.add(unreadable);
                    contexts.add(MessageContext.current().orElseThrow());
                });
        MessageDispatcher dispatcher = dispatcher(subscription);

        dispatcher.onMessage(List.of(cancelOrder("producer-key", messageId, "{\"orderId\":\"order-42\"}")));
        dispatcher.onMessage(List.of(cancelOrder("producer-key", messageId, "{\"orderId\":\"order-42\"}")));

        assertThat(answered).containsExactly(new UnreadableMessage(MessageType.CANCEL_ORDER, null, List.of(
                new BindingViolation("orderId", "must be a UUID string of 8-4-4-4-12 hexadecimal digits"))));
        assertThat(contexts).singleElement().satisfies(context -> {
            assertThat(context.messageId()).isEqualTo(messageId);
            assertThat(context.key()).isEqualTo("producer-key");
        });
        assertThat(inbox).containsExactly(messageId);
    }

    /** Dead-lettered under the one class operators look for, with the violation as its reason. */
    @Test
    void unreadableDocumentOfATypeWithoutAnAnswerIsPoison() {
        UUID orderId = UUID.randomUUID();
        MessageSubscription subscription = MessageSubscription.to(Topics.ORDER_REQUESTS)
                .on(CancelOrder.class, cancel -> {
                })
                .onUnreadable(PlaceOrder.class, unreadable -> {
                });

        assertThatThrownBy(() -> dispatcher(subscription).onMessage(List.of(
                cancelOrder(orderId.toString(), UUID.randomUUID(), "{\"orderId\":\"" + orderId + "\",\"reason\":42}"))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        failure -> assertThat(failure.getIndex()).isZero())
                .cause()
                .isExactlyInstanceOf(PoisonMessageException.class)
                .hasMessage("Value is not a valid CancelOrder document: reason must be a string");
        assertThat(inbox).isEmpty();
    }

    @Test
    void answersOnlyTypesOfItsOwnTopic() {
        assertThatThrownBy(() -> MessageSubscription.to(Topics.INVENTORY_COMMANDS)
                .onUnreadable(PlaceOrder.class, unreadable -> {
                }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PlaceOrder travels on order.requests, not on inventory.commands");
    }

    /** An inbox that remembers, and records applied in turn, without a database. */
    private MessageDispatcher dispatcher(MessageSubscription subscription) {
        Inbox rememberingInbox = new Inbox(null) {
            @Override
            Set<UUID> recordFirstDeliveries(List<Entry> entries) {
                return entries.stream().map(Entry::messageId).filter(inbox::add).collect(Collectors.toSet());
            }

            @Override
            Set<UUID> heldAmong(Collection<UUID> messageIds) {
                return messageIds.stream().filter(inbox::contains).collect(Collectors.toSet());
            }
        };
        RecordSavepoints inTurn = new RecordSavepoints(null, PersistenceContext.NONE) {
            @Override
            void isolate(Runnable effect) {
                effect.run();
            }
        };
        return new MessageDispatcher(subscription, new IncomingMessageDecoder(CODEC), rememberingInbox,
                new PollTransaction(rememberingInbox, new TransactionTemplate(new NoTransactions()), inTurn),
                new ConsumerMetrics(new SimpleMeterRegistry()));
    }

    private static ConsumerRecord<byte[], byte[]> cancelOrder(String key, UUID messageId, String json) {
        return record(Topics.ORDER_REQUESTS, key, messageId, "CancelOrder", json);
    }

    private static ConsumerRecord<byte[], byte[]> record(UUID orderId, UUID messageId, ReleaseInventory message) {
        return record(Topics.INVENTORY_COMMANDS, orderId.toString(), messageId, "ReleaseInventory", CODEC.encode(message));
    }

    private static ConsumerRecord<byte[], byte[]> record(String topic, String key, UUID messageId, String type,
                                                         String json) {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(topic, 0, 0L,
                key.getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8));
        record.headers().add(Headers.MESSAGE_ID, messageId.toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(Headers.MESSAGE_TYPE, type.getBytes(StandardCharsets.UTF_8));
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
