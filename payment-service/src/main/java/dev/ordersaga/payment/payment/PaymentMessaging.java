package dev.ordersaga.payment.payment;

import dev.ordersaga.messaging.consumer.MessageSubscription;
import dev.ordersaga.schema.Topics;
import dev.ordersaga.schema.payment.ChargePayment;
import dev.ordersaga.schema.payment.RefundPayment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PaymentMessaging {

    /** Every type on payment.commands has a handler, so anything else there is a dead letter. */
    @Bean
    MessageSubscription paymentCommandSubscription(ChargePayments charges, RefundPayments refunds) {
        return MessageSubscription.to(Topics.PAYMENT_COMMANDS)
                // Prepared outside the inbox transaction: a provider call holds no transaction or connection.
                .onPrepared(ChargePayment.class, charges)
                .onPrepared(RefundPayment.class, refunds);
    }
}
