package dev.ordersaga.orchestrator.messaging;

import dev.ordersaga.messaging.MessageContext;
import dev.ordersaga.messaging.consumer.MessageSubscription;
import dev.ordersaga.orchestrator.instance.SagaCoordinator;
import dev.ordersaga.schema.Message;
import dev.ordersaga.schema.Topics;
import dev.ordersaga.schema.inventory.InventoryReleased;
import dev.ordersaga.schema.inventory.InventoryReserved;
import dev.ordersaga.schema.inventory.InventoryUnavailable;
import dev.ordersaga.schema.inventory.ReservationConfirmed;
import dev.ordersaga.schema.order.OrderApproved;
import dev.ordersaga.schema.order.OrderCancellationRequested;
import dev.ordersaga.schema.order.OrderCancelled;
import dev.ordersaga.schema.order.OrderPlaced;
import dev.ordersaga.schema.order.OrderRejected;
import dev.ordersaga.schema.payment.PaymentCharged;
import dev.ordersaga.schema.payment.PaymentDeclined;
import dev.ordersaga.schema.payment.PaymentRefunded;
import dev.ordersaga.schema.payment.PaymentUnavailable;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the orchestrator consumes. The library decodes, deduplicates by message id and opens the transaction;
 * the coordinator does the rest inside it.
 */
@Configuration(proxyBeanMethods = false)
class SagaSubscriptions {

    /** A broadcast topic: only the saga's start, the order's cancellation and its outcomes matter here. */
    @Bean
    MessageSubscription orderEvents(SagaCoordinator sagas) {
        return MessageSubscription.to(Topics.ORDER_EVENTS)
                .on(OrderPlaced.class, order -> sagas.start(order, handledMessageId()))
                .on(OrderCancellationRequested.class, request -> sagas.cancel(request, handledMessageId()))
                .on(OrderApproved.class, reply -> replyTo(sagas, reply))
                .on(OrderRejected.class, reply -> replyTo(sagas, reply))
                .on(OrderCancelled.class, reply -> replyTo(sagas, reply))
                .ignoringOthers();
    }

    /** Every participant reply; each one belongs to a saga. */
    @Bean
    MessageSubscription sagaReplies(SagaCoordinator sagas) {
        return MessageSubscription.to(Topics.SAGA_REPLIES)
                .on(InventoryReserved.class, reply -> replyTo(sagas, reply))
                .on(InventoryUnavailable.class, reply -> replyTo(sagas, reply))
                .on(InventoryReleased.class, reply -> replyTo(sagas, reply))
                .on(ReservationConfirmed.class, reply -> replyTo(sagas, reply))
                .on(PaymentCharged.class, reply -> replyTo(sagas, reply))
                .on(PaymentDeclined.class, reply -> replyTo(sagas, reply))
                .on(PaymentRefunded.class, reply -> replyTo(sagas, reply))
                .on(PaymentUnavailable.class, reply -> replyTo(sagas, reply));
    }

    private static void replyTo(SagaCoordinator sagas, Message reply) {
        sagas.handleReply(reply, handledMessageId());
    }

    private static UUID handledMessageId() {
        return MessageContext.current()
                .map(MessageContext::messageId)
                .orElseThrow(() -> new IllegalStateException("Handler called outside the messaging library"));
    }
}
