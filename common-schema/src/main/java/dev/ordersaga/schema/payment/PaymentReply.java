package dev.ordersaga.schema.payment;

import dev.ordersaga.schema.Message;

/** payment-service's replies, on {@link dev.ordersaga.schema.Topics#SAGA_REPLIES}. */
public sealed interface PaymentReply extends Message permits PaymentCharged, PaymentDeclined, PaymentUnavailable,
        PaymentRefunded {
}
