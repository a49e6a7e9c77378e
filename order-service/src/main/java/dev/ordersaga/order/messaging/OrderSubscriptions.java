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
 * so a type without a handler here is dead-lettered, not dropped.
 */
@Configuration(proxyBeanMethods = false)
class OrderSubscriptions {

    @Bean
    MessageSubscription orderRequests(OrderIntake intake, OrderCancellations cancellations) {
        return MessageSubscription.to(Topics.ORDER_REQUESTS)
                .on(PlaceOrder.class, intake::accept)
                .on(CancelOrder.class, cancellations::accept);
    }

    @Bean
    MessageSubscription orderCommands(OrderDecisions decisions) {
        return MessageSubscription.to(Topics.ORDER_COMMANDS)
                .on(ApproveOrder.class, decisions::approve)
                .on(RejectOrder.class, decisions::reject);
    }
}
