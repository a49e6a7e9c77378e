package dev.ordersaga.order.messaging;

import dev.ordersaga.messaging.consumer.MessageSubscription;
import dev.ordersaga.order.cancellation.OrderCancellations;
import dev.ordersaga.order.decision.OrderDecisions;
import dev.ordersaga.order.intake.OrderIntake;
import dev.ordersaga.schema.Topics;
import dev.ordersaga.schema.intake.CancelOrder;
import dev.ordersaga.schema.intake.PlaceOrder;
import dev.ordersaga.schema.order.ApproveOrder;
import dev.ordersaga.schema.order.RejectOrder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What order-service consumes. No {@code ignoringOthers()}: these topics are addressed to this service,
 * so a type without a handler here is dead-lettered, not dropped. An ApproveOrder or RejectOrder that does
 * not fit its type is a bug in the orchestrator: dead-lettered too.
 */
@Configuration(proxyBeanMethods = false)
class OrderSubscriptions {

    /** A request of the wrong JSON shape is answered like one that breaks a rule: producers read order.events. */
    @Bean
    MessageSubscription orderRequests(OrderIntake intake, OrderCancellations cancellations,
                                      UnreadableRequests unreadable) {
        return MessageSubscription.to(Topics.ORDER_REQUESTS)
                .on(PlaceOrder.class, intake::accept)
                .onUnreadable(PlaceOrder.class, unreadable::reject)
                .on(CancelOrder.class, cancellations::accept)
                .onUnreadable(CancelOrder.class, unreadable::reject);
    }

    @Bean
    MessageSubscription orderCommands(OrderDecisions decisions) {
        return MessageSubscription.to(Topics.ORDER_COMMANDS)
                .on(ApproveOrder.class, decisions::approve)
                .on(RejectOrder.class, decisions::reject);
    }
}
